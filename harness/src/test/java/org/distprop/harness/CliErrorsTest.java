package org.distprop.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.distprop.harness.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input → one line naming the problem and the fix, exit code 2, no stack trace. */
class CliErrorsTest {
    @TempDir
    Path tmp;

    record Outcome(int code, String err) {
    }

    static Outcome run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Outcome(code, buf.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setErr(old);
        }
    }

    static void assertOneLineError(Outcome o, String... mustContain) {
        assertEquals(Main.EXIT_USER_ERROR, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), "expected one line, got:\n" + o.err());
        assertFalse(o.err().contains("\tat "), "stack trace printed");
        for (String s : mustContain) {
            assertTrue(o.err().contains(s), "'" + s + "' missing from: " + o.err());
        }
    }

    String out() {
        return tmp.resolve("out").toString();
    }

    @Test
    void unknownMethodListsValidOnes() {
        assertOneLineError(run("run", "--method", "nope", "--dataset", "mnist", "--steps", "1", "--out", out()),
                "unknown method 'nope'", "sgd");
    }

    @Test
    void unknownDatasetListsValidOnes() {
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "nope", "--steps", "1", "--out", out()),
                "unknown dataset 'nope'", "mnist");
    }

    @Test
    void nonPositiveNumbersAreRejected() {
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "0", "--out", out()), "--steps must be > 0");
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "5", "--batch-size", "-3", "--out", out()),
                "--batch-size must be > 0");
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "5", "--lr", "-0.1", "--out", out()),
                "--lr must be > 0");
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "5", "--hp", "lr=0", "--out", out()),
                "lr=0", "must be a number > 0", "--hp lr=0.009185");
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "5", "--hp", "momentum=1", "--out", out()),
                "unknown hyperparameter 'momentum'", "valid:");
    }

    @Test
    void unwritableDataDirIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        assertOneLineError(run("data", "fetch", "mnist", "--data-dir", file.resolve("d").toString()),
                "data directory", "--data-dir");
    }

    @Test
    void malformedNumberIsOneLine() {
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "ten", "--out", out()), "ten");
    }

    @Test
    void choiceAndIntegerHyperparametersFailBeforeAnyDataLoads() throws Exception {
        // an empty data dir: reaching the data load would fail with a different message (MNIST not found)
        String data = Files.createDirectories(tmp.resolve("no-data")).toString();
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "5", "--hp", "optimizer=foo",
                "--data-dir", data, "--out", out()), "optimizer=foo", "must be one of adagrad, sgd", "--hp optimizer=adagrad");
        assertOneLineError(run("run", "--method", "oam", "--dataset", "mnist", "--steps", "5", "--hp", "code_steps=2.5",
                "--data-dir", data, "--out", out()), "code_steps=2.5", "whole number > 0", "--hp code_steps=5");
        assertFalse(Files.exists(tmp.resolve("out")), "no record for bad input");
        try (var files = Files.list(tmp.resolve("no-data"))) {
            assertEquals(0, files.count(), "nothing fetched");
        }
    }

    @Test
    void batchLargerThanTheTrainingSplitNamesBothNumbers() {
        assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "5", "--batch-size", "100000",
                "--train-per-class", "20", "--out", out()), "--batch-size 100000", "200 training examples", "--batch-size 200 or less");
        assertFalse(Files.exists(tmp.resolve("out")), "no (empty) record directory left behind");
    }

    @Test
    void outHeldByAnotherLiveWriterIsRefused() throws Exception {
        Path dir = tmp.resolve("out");
        try (org.distprop.store.RecordLock held = org.distprop.store.RecordLock.tryAcquire(dir).orElseThrow()) {
            assertOneLineError(run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "5", "--out", dir.toString()),
                    "is being written by pid " + ProcessHandle.current().pid(), "wait for it to finish or choose another --out");
            assertFalse(Files.exists(dir.resolve("manifest.json")), "the holder's record is untouched");
        }
    }
}
