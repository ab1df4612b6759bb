package org.distprop.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code hp} parameter of StepBenchmark and StepProfile: "k=v,k=v", a clear error for an entry without '='. */
class StepBenchmarkOverridesTest {
    @Test
    void parsesKeyValueListsAndIgnoresBlankEntries() {
        assertEquals(Map.of(), StepBenchmark.overrides(""));
        assertEquals(Map.of("lr", "0.01", "momentum", "0.9"), StepBenchmark.overrides(" lr = 0.01,,momentum=0.9 "));
        assertEquals(Map.of("schedule", "a=b"), StepBenchmark.overrides("schedule=a=b"));
    }

    @Test
    void entryWithoutEqualsNamesTheEntryAndTheForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StepBenchmark.overrides("lr=0.1,momentum"));
        assertTrue(e.getMessage().contains("'momentum'") && e.getMessage().contains("key=value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StepBenchmark.overrides("=0.1"));
    }
}
