package com.doubletime.domain.format;

/**
 * Writes one JSON object's fields in call order into a {@link StringBuilder}, commas included: the project's
 * formats are written field by field, never by reflection, so renaming a record component cannot change them.
 */
final class JsonFields {
    private final StringBuilder out;
    private boolean first = true;

    JsonFields(StringBuilder out) {
        this.out = out;
        out.append('{');
    }

    private StringBuilder name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        return JsonText.string(out, name).append(':');
    }

    JsonFields text(String name, String value) {
        JsonText.string(name(name), value);
        return this;
    }

    /** A string, or JSON null. */
    JsonFields textOrNull(String name, String value) {
        if (value == null) {
            name(name).append("null");
            return this;
        }
        return text(name, value);
    }

    /** A string only when there is one: the field is absent otherwise. */
    JsonFields optionalText(String name, String value) {
        return value == null ? this : text(name, value);
    }

    JsonFields number(String name, long value) {
        name(name).append(value);
        return this;
    }

    JsonFields bool(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    /** A nested object; {@link #end} it before the next field of this one. */
    JsonFields object(String name) {
        name(name);
        return new JsonFields(out);
    }

    /** A field whose value is already JSON. */
    JsonFields json(String name, String json) {
        name(name).append(json);
        return this;
    }

    StringBuilder end() {
        return out.append('}');
    }
}
