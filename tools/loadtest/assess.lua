-- Counts non-2xx answers of the flagship assessment load (tools/loadtest/run.sh).
done = function(summary, latency, requests)
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("p99: %.2f ms\n", latency:percentile(99) / 1000))
end
