package org.distprop.harness.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.distprop.harness.Json;
import org.distprop.harness.RunRecord;
import org.distprop.store.Manifest;
import org.distprop.store.RecordLock;
import org.distprop.store.Status;

/**
 * Cells shared between experiments. A record's directory below its experiment is
 * {@code <dataset>/<method>/<config-hash>/seed-<n>}, and the hash covers everything that determines the
 * results (RunConfig.identity), so an ok record of another experiment at the same relative path is the
 * same run. The early profile of fig2, fig3 and table1 runs the same MNIST cells: fig3 trains them once,
 * the others copy the records instead of training again (hours saved on a 2-core CPU). The copy is
 * written to a temporary directory and renamed, so it is either complete or absent; its manifest names
 * its own experiment, profile and plan cell, and {@code reused_from} the record it came from.
 */
public final class SharedRecords {
    private SharedRecords() {
    }

    /**
     * Copies into {@code c}'s record an ok record of another experiment that is the same run, if there is one, and
     * returns where it came from (null: nothing to share or the cell's record is held by a live writer; run it as usual). {@code run-cell} calls this before
     * training, so a Slurm array submitted after another experiment's has finished copies the shared cells too.
     */
    public static Path copyIfShared(Path results, Cell c, String profile) {
        Path from = find(results, c);
        return from != null && copy(from, results, c, profile) ? from : null;
    }

    /** An ok record of another experiment of {@code results} that is the same run as {@code c}, or null. */
    static Path find(Path results, Cell c) {
        Path rel = Path.of(c.record());
        if (rel.getNameCount() < 2 || !Files.isDirectory(results)) {
            return null;
        }
        Path below = rel.subpath(1, rel.getNameCount());
        try (DirectoryStream<Path> exps = Files.newDirectoryStream(results, Files::isDirectory)) {
            for (Path e : exps) {
                if (e.getFileName().toString().equals(c.run().experiment())) {
                    continue;
                }
                Path cand = e.resolve(below);
                if (RunRecord.status(cand) == Status.OK && Files.isRegularFile(cand.resolve(RunRecord.TRACE))) {
                    return cand;
                }
            }
        } catch (IOException e) {
            return null; // an unreadable store shares nothing; the cell simply runs
        }
        return null;
    }

    /**
     * Copies the record {@code from} into {@code c}'s record directory below {@code results}, holding that
     * directory's record lock meanwhile; false (nothing touched) when another live process holds it, i.e. is
     * training the cell under this experiment, whose record must not be replaced under it.
     */
    static boolean copy(Path from, Path results, Cell c, String profile) {
        Path to = results.resolve(c.record());
        Path tmp = to.resolveSibling(to.getFileName() + ".sharing");
        Optional<RecordLock> lock = RecordLock.tryAcquire(to);
        if (lock.isEmpty()) {
            return false;
        }
        try (RecordLock held = lock.get()) { // replaced with the directory below; close() then finds no lock of ours
            deleteTree(tmp);
            Files.createDirectories(tmp);
            for (String f : List.of(RunRecord.TRACE, RunRecord.EVAL)) {
                if (Files.isRegularFile(from.resolve(f))) {
                    Files.copy(from.resolve(f), tmp.resolve(f));
                }
            }
            ObjectNode m = (ObjectNode) Json.MAPPER.readTree(from.resolve(RunRecord.MANIFEST).toFile());
            m.put(Manifest.REUSED_FROM, results.relativize(from).toString());
            m.put(Manifest.EXPERIMENT, c.run().experiment());
            m.put(Manifest.PROFILE, profile);
            if (m.get(Manifest.PLAN) instanceof ObjectNode plan) {
                plan.put(Manifest.PLAN_INDEX, c.index());
            }
            Files.writeString(tmp.resolve(RunRecord.MANIFEST), Json.write(m));
            deleteTree(to);
            Files.createDirectories(to.getParent());
            Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shared record " + from + " to " + to, e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
