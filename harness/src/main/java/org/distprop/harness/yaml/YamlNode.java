package org.distprop.harness.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written (file and line), so every spec error can name
 * the key and the line. Scalars keep their source text ("0.0003638" stays "0.0003638"), because
 * hyperparameter values are strings in run configs and their text is part of the config hash.
 */
public final class YamlNode {
    public enum Kind { MAP, LIST, SCALAR, NULL }

    private final Kind kind;
    private final String file;
    private final int line;
    private final String path;
    private final Map<String, YamlNode> map;
    private final List<YamlNode> list;
    private final String text;
    private final boolean number;

    private YamlNode(Kind kind, String file, int line, String path, Map<String, YamlNode> map, List<YamlNode> list,
                     String text, boolean number) {
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.path = path;
        this.map = map;
        this.list = list;
        this.text = text;
        this.number = number;
    }

    /** Parses one YAML document; {@code file} is only used in messages. */
    public static YamlNode parse(String yaml, String file) {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SpecError(file, 1, "(file)", "the spec is empty");
            }
            return read(p, file, "");
        } catch (SpecError e) {
            throw e;
        } catch (IOException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                // the parser's own line and problem: Jackson's location is where the token before it ended
                String tab = m.getProblem() != null && m.getProblem().contains("\\t(TAB)") ? "; indent with spaces, not tabs" : "";
                throw new SpecError(file, m.getProblemMark().getLine() + 1, "(syntax)", "not valid YAML: " + m.getProblem()
                        + " (column " + (m.getProblemMark().getColumn() + 1) + ", " + m.getContext() + ")" + tab);
            }
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 1;
            throw new SpecError(file, line, "(syntax)", "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static YamlNode read(JsonParser p, String file, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (m.containsKey(key)) {
                        throw new SpecError(file, keyLine, join(path, key), "duplicate key");
                    }
                    p.nextToken();
                    YamlNode v = read(p, file, join(path, key));
                    // a key's line is where the key is written, which is where a reader looks
                    m.put(key, v.withLine(keyLine));
                }
                return new YamlNode(Kind.MAP, file, line, path, Collections.unmodifiableMap(m), null, null, false);
            }
            case START_ARRAY -> {
                List<YamlNode> l = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p, file, path + "[" + i++ + "]"));
                }
                return new YamlNode(Kind.LIST, file, line, path, null, Collections.unmodifiableList(l), null, false);
            }
            case VALUE_NULL -> {
                return new YamlNode(Kind.NULL, file, line, path, null, null, null, false);
            }
            default -> {
                boolean num = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
                return new YamlNode(Kind.SCALAR, file, line, path, null, null, p.getText(), num);
            }
        }
    }

    private YamlNode withLine(int l) {
        return kind == Kind.SCALAR || kind == Kind.NULL ? this
                : new YamlNode(kind, file, Math.min(l, line), path, map, list, text, number);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** Dotted key path from the document root, e.g. "groups[1].hp.distprop.lr_x". */
    public String path() {
        return path;
    }

    public SpecError error(String message) {
        return new SpecError(file, line, path, message);
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public Map<String, YamlNode> asMap() {
        if (kind != Kind.MAP) {
            throw error("expected a mapping (key: value lines), got " + describe());
        }
        return map;
    }

    public List<YamlNode> asList() {
        if (kind != Kind.LIST) {
            throw error("expected a list, got " + describe());
        }
        return list;
    }

    /** The items of a list, or this scalar as a one-item list. */
    public List<YamlNode> asListOrOne() {
        return kind == Kind.LIST ? list : List.of(this);
    }

    public String asText() {
        if (kind != Kind.SCALAR) {
            throw error("expected a single value, got " + describe());
        }
        return text;
    }

    public boolean isNumber() {
        return kind == Kind.SCALAR && number;
    }

    public double asDouble() {
        try {
            return Double.parseDouble(asText());
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + text + "'");
        }
    }

    public long asLong() {
        double d = asDouble();
        if (d != Math.rint(d) || Math.abs(d) > 1e15) {
            throw error("expected a whole number, got '" + text + "'");
        }
        return (long) d;
    }

    public boolean asBoolean() {
        String t = asText().toLowerCase();
        if (!t.equals("true") && !t.equals("false")) {
            throw error("expected true or false, got '" + text + "'");
        }
        return Boolean.parseBoolean(t);
    }

    /** Rejects keys of this mapping not in {@code allowed}, naming the first unknown one and its line. */
    public void checkKeys(java.util.Collection<String> allowed) {
        for (var e : asMap().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new SpecError(file, e.getValue().line(), e.getValue().path(),
                        "unknown key '" + e.getKey() + "'; valid keys here: " + String.join(", ", allowed));
            }
        }
    }

    public YamlNode get(String key) {
        return asMap().get(key);
    }

    public YamlNode require(String key) {
        YamlNode n = asMap().get(key);
        if (n == null) {
            throw error("missing required key '" + key + "'");
        }
        return n;
    }

    private String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case NULL -> "nothing";
            case SCALAR -> "'" + text + "'";
        };
    }
}
