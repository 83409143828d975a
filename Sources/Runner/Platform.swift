#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place the Runner module imports the C library.

/// Seconds on the monotonic clock (never the wall clock: it must not jump).
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Writes `text` to standard error, unbuffered.
func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { return }
        offset += n
    }
}

/// The number of processors online (at least 1).
public func processorCount() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

/// `true` when a file exists at `path`.
func fileExistsAt(_ path: String) -> Bool { access(path, F_OK) == 0 }

/// Removes the file at `path` if there is one.
func removeFile(_ path: String) { unlink(path) }
