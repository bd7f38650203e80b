package vn.edu.haiphong.dvc.contract;

import java.util.ArrayList;
import java.util.List;

/** Collects the names of required fields that have no value. */
final class Missing {

    private final List<String> names = new ArrayList<>();

    Missing check(String name, Object value) {
        if (value == null) {
            names.add(name);
        }
        return this;
    }

    Missing checkIf(boolean required, String name, Object value) {
        return required ? check(name, value) : this;
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
