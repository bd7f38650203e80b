package vn.edu.haiphong.dvc.indicator.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.edu.haiphong.dvc.indicator.domain.Processing.Step;
import vn.edu.haiphong.dvc.indicator.domain.Processing.StepEvent;

/** A dossier's steps (its RECEIVED and supplement events) as the JSON of {@code dossier_fact.steps}. */
final class DossierSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DossierSteps() {
    }

    static String text(List<StepEvent> steps) {
        ArrayNode array = JSON.createArrayNode();
        for (StepEvent e : steps) {
            ObjectNode o = array.addObject().put("id", e.eventId()).put("step", e.step().name()).put("at", e.at().toString());
            if (e.dueAt() != null) {
                o.put("due", e.dueAt().toString());
            }
        }
        return array.toString();
    }

    static List<StepEvent> parse(String text) {
        List<StepEvent> steps = new ArrayList<>();
        if (text == null) {
            return steps;
        }
        try {
            for (JsonNode o : JSON.readTree(text)) {
                JsonNode due = o.get("due");
                steps.add(new StepEvent(o.get("id").asText(), Step.valueOf(o.get("step").asText()),
                        OffsetDateTime.parse(o.get("at").asText()),
                        due == null || due.isNull() ? null : OffsetDateTime.parse(due.asText())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dossier_fact.steps is not the JSON this service writes: " + text, e);
        }
        return steps;
    }
}
