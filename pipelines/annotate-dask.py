"""annotate-dask.py SCHEDULER BATCH LIST0 DIR [annotate.sh OPTION]...

The shards of a run on a Dask cluster (python3-distributed): the documents named in LIST0
(NUL-separated paths) go in batches of BATCH to the scheduler at SCHEDULER
(tcp://HOST:PORT); each task runs the unit of work on a worker, annotate.sh and
`aggregate --partial` for both summaries, and sends back the shard's stream, its two
partial states and its messages. They are written as annotate-shards.sh writes them
(DIR/f/N, N.ent, N.num; DIR/shards0 naming the shards in document order), so the merge is
the same. Workers read the documents, the programs ($BIN) and pipelines/ at the same paths
as here (a shared file system or the same installation on every machine).

A worker that dies mid-task is no failure: the scheduler gives the task to another worker
(Dask allows a task a few such losses). A task that fails, or is lost too often, fails the
run: the shard and the worker are named, DIR/shards0 is not written and nothing is
published. Exit status: 0, 1 when a shard reported bad data (the rest was processed), 3.
Environment: BIN, PIPELINES (set by the caller), PROGRESS_SECS (log progress every so many
seconds; 0 or unset: none), DASK_CONNECT_TIMEOUT (seconds to reach the scheduler, 30).
"""
import os
import subprocess
import sys
import time


def log(msg):
    sys.stderr.write("annotate-dask: %s\n" % msg)
    sys.stderr.flush()


def unit_of_work(pipelines, bin_dir, opts, paths):
    """Run on a worker: annotate one batch and summarise it partially, in a scratch folder
    removed afterwards. Returns (status, stream, ent, num, messages, worker host)."""
    import shutil
    import socket
    import tempfile

    tmp = tempfile.mkdtemp(prefix="annotate-dask.")
    try:
        lst = os.path.join(tmp, "list0")
        with open(lst, "wb") as f:
            for p in paths:
                f.write(os.fsencode(p) + b"\0")
        env = dict(os.environ, BIN=bin_dir, LC_ALL="C")
        # annotate.sh, then the partials of its stream (partials.sh writes S.ent and S.num
        # beside the stream S); one shell, so that a status is judged where it arises.
        script = (
            'st=0; bash "$1/annotate.sh" "${@:4}" --files-from "$2" >"$3" 2>"$3.err" || st=$?; '
            '[ "$st" -le 1 ] || exit "$st"; bash "$1/partials.sh" "$3" 2>>"$3.err" || exit 3; exit "$st"'
        )
        out = os.path.join(tmp, "s")
        st = subprocess.call(["bash", "-c", script, "annotate-dask", pipelines, lst, out] + list(opts),
                             env=env, stdin=subprocess.DEVNULL)

        def read(name):
            try:
                with open(name, "rb") as f:
                    return f.read()
            except OSError:
                return b""
        return (st, read(out), read(out + ".ent"), read(out + ".num"), read(out + ".err"),
                socket.gethostname() + ":" + str(os.getpid()))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv):
    if len(argv) < 5:
        log("usage: annotate-dask.py SCHEDULER BATCH LIST0 DIR [annotate.sh OPTION]...")
        return 2
    sched, batch, listfile, out = argv[1], int(argv[2]), argv[3], argv[4]
    opts = argv[5:]
    pipelines = os.environ["PIPELINES"]
    bin_dir = os.environ["BIN"]
    every = float(os.environ.get("PROGRESS_SECS") or 0)
    with open(listfile, "rb") as f:
        paths = [os.fsdecode(p) for p in f.read().split(b"\0")[:-1]]
    shards = [paths[i:i + batch] for i in range(0, len(paths), batch)]
    os.makedirs(os.path.join(out, "f"), exist_ok=True)

    try:
        from distributed import Client, as_completed
    except ImportError:
        log("python3-distributed is not installed (Debian: apt-get install python3-distributed)")
        return 3
    try:
        client = Client(sched, timeout=float(os.environ.get("DASK_CONNECT_TIMEOUT") or 30))
    except Exception as e:  # OSError, TimeoutError: whatever the comm layer raises
        log("cannot reach the Dask scheduler at %s: %s" % (sched, e))
        return 3
    workers = len(client.scheduler_info().get("workers", {}))
    log("%d shard(s) of up to %d document(s) to %s (%d worker(s) now)" % (len(shards), batch, sched, workers))

    # One task per shard, named by its number: a lost worker's task is run again elsewhere
    # by the scheduler, never twice in the result.
    futures = {}
    for n, docs in enumerate(shards, 1):
        fut = client.submit(unit_of_work, pipelines, bin_dir, opts, docs, key="annotate-shard-%d-%s" % (n, os.getpid()),
                            pure=False)
        futures[fut] = n
    worst, failed, done, ndone_docs = 0, [], 0, 0
    start = last = time.monotonic()
    for fut in as_completed(list(futures)):
        n = futures[fut]
        try:
            st, stream, ent, num, err, where = fut.result()
        except Exception as e:
            # KilledWorker: the task's workers died too often; or the task raised.
            log("shard %d failed on the cluster: %s: %s" % (n, type(e).__name__, e))
            failed.append(n)
            continue
        if err:
            sys.stderr.write(err.decode("utf-8", "replace"))
        if st > 1:
            log("shard %d on worker %s failed with status %d" % (n, where, st))
            failed.append(n)
            continue
        worst = max(worst, st)
        base = os.path.join(out, "f", str(n))
        for suffix, data in (("", stream), (".ent", ent), (".num", num)):
            with open(base + suffix, "wb") as f:
                f.write(data)
        done += 1
        ndone_docs += len(shards[n - 1])
        now = time.monotonic()
        if every > 0 and (now - last >= every or done == len(shards)):
            last = now
            rate = ndone_docs / max(now - start, 1e-9)
            eta = (len(paths) - ndone_docs) / rate if rate > 0 else 0
            log("progress: %d of %d shards, %.1f documents/s, ETA %ds" % (done, len(shards), rate, eta))
    client.close()
    if failed:
        log("shard(s) %s failed; nothing published" % ", ".join(map(str, sorted(failed))))
        return 3
    if done != len(shards):
        log("only %d of %d shards came back; nothing published" % (done, len(shards)))
        return 3
    with open(os.path.join(out, "shards0"), "wb") as f:
        for n in range(1, len(shards) + 1):
            f.write(os.fsencode(os.path.join(out, "f", str(n))) + b"\0")
    return worst


if __name__ == "__main__":
    # Status 1 means bad data; an unexpected error must not look like it.
    try:
        code = main(sys.argv)
    except KeyboardInterrupt:
        code = 130
    except BaseException as e:  # noqa: B902 -- anything else is a failure of the run
        if isinstance(e, SystemExit):
            raise
        log("failed: %s: %s" % (type(e).__name__, e))
        code = 3
    sys.exit(code)
