package org.distprop.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusTest {
    @Test
    void wireStringsRoundTripAndAreTheManifestValues() {
        // the strings existing results stores hold; changing one breaks every store on disk
        assertEquals("running | ok | diverged | failed | interrupted | crashed", Status.vocabulary());
        for (Status s : Status.values()) {
            assertEquals(s, Status.of(s.wire()));
            assertEquals(s.wire(), s.toString());
        }
        assertNull(Status.of("OK"));
        assertNull(Status.of(null));
        assertTrue(Status.OK.is("ok"));
        assertFalse(Status.OK.is(null));
    }

    @Test
    void finishedMeansTheWriterEndedTheRecord() {
        assertTrue(Status.OK.finished() && Status.DIVERGED.finished() && Status.FAILED.finished());
        assertFalse(Status.RUNNING.finished() || Status.INTERRUPTED.finished() || Status.CRASHED.finished());
    }
}
