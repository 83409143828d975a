#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place the SQLite layer imports the C library: it only needs the operating
// system's words for the errno SQLite saw when a file could not be opened or read.

/// `strerror(code)`, or nil for 0.
func systemErrorMessage(_ code: Int32) -> String? {
    guard code != 0, let text = strerror(code) else { return nil }
    return String(cString: text)
}

/// Whether `code` is the errno of a missing file or directory.
func isNoSuchFile(_ code: Int32) -> Bool { code == ENOENT }

/// Whether `code` is the errno of a permission failure.
func isPermissionDenied(_ code: Int32) -> Bool { code == EACCES || code == EPERM || code == EROFS }
