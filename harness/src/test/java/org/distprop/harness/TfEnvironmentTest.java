package org.distprop.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** tf.env is the one definition: the harness's copy is the file, surefire's JVM runs with it, children get it. */
class TfEnvironmentTest {
    @Test
    void theHarnessReadsTheRepositoryFile() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of("..", "tf.env"))) {
            p.load(in);
        }
        assertEquals(p.size(), TfEnvironment.defaults().size());
        p.forEach((k, v) -> assertEquals(v, TfEnvironment.defaults().get(k), (String) k));
        assertEquals("1", TfEnvironment.defaults().get("TF_DETERMINISTIC_OPS"));
    }

    @Test
    void surefireRunsTestsWithIt() {
        assertEquals(TfEnvironment.defaults(), TfEnvironment.inEffect(),
                "surefire's <jvm> (scripts/tf/bin/java) applies tf.env; unset any TF_* override to run the tests");
    }

    @Test
    void childrenGetItUnlessTheySetAValue() {
        Map<String, String> env = new HashMap<>(Map.of("TF_ENABLE_ONEDNN_OPTS", "0", "TF_DETERMINISTIC_OPS", ""));
        TfEnvironment.applyTo(env);
        assertEquals("0", env.get("TF_ENABLE_ONEDNN_OPTS"), "a set value wins");
        assertEquals("1", env.get("TF_DETERMINISTIC_OPS"), "an empty value counts as unset, as in the launcher");
        assertEquals("2", env.get("TF_CPP_MIN_LOG_LEVEL"));
        assertTrue(TfEnvironment.shellExports().contains("export TF_DETERMINISTIC_OPS=\"${TF_DETERMINISTIC_OPS:-1}\"\n"));
    }
}
