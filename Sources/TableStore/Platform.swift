#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place TableStore imports the C library: errno messages, and the few file
// operations the table writer and the importers need.

/// `strerror(code)`, or nil for 0.
func systemErrorMessage(_ code: Int32) -> String? {
    guard code != 0, let text = strerror(code) else { return nil }
    return String(cString: text)
}

/// Whether `code` is the errno of a missing file or directory.
func isNoSuchFile(_ code: Int32) -> Bool { code == ENOENT }

/// Whether `code` is the errno of a permission failure.
func isPermissionDenied(_ code: Int32) -> Bool { code == EACCES || code == EPERM || code == EROFS }

/// Deletes the file at `path` if it exists.
func removeFile(_ path: String) { unlink(path) }

/// Renames `from` to `to` atomically (same file system); the system's message on failure.
func renameFile(_ from: String, to: String) -> String? {
    rename(from, to) == 0 ? nil : String(cString: strerror(errno))
}

/// The whole file at `path`, or the system's message on failure.
func readWholeFile(_ path: String) -> Result<[UInt8], SystemError> {
    guard let f = fopen(path, "rb") else { return .failure(SystemError(message: String(cString: strerror(errno)))) }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
        if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
        if n < chunk.count {
            if ferror(f) != 0 { return .failure(SystemError(message: "read error")) }
            return .success(bytes)
        }
    }
}

/// An operating-system error message.
struct SystemError: Error { var message: String }
