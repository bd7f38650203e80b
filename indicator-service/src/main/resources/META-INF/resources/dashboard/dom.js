/** The two DOM helpers every part of the page uses. */
export const $ = (id) => document.getElementById(id);

export function el(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}
