#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place the command-line tool imports the C library.

/// Ends the process with `status`.
func exitProcess(_ status: Int32) -> Never { exit(status) }

/// The environment variable `name`, if set.
func environmentValue(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

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

/// Whether standard error is a terminal (progress bars only go there).
func standardErrorIsTerminal() -> Bool { isatty(2) != 0 }

/// Whether `path` is an existing regular file.
func fileExists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
}

/// The size in bytes of the file at `path`, or 0.
func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

/// The names of the entries of `directory`, or the system's message on failure.
func directoryEntries(_ directory: String) -> Result<[String], CLIError> {
    guard let dir = opendir(directory) else { return .failure(.io("cannot read the folder \(directory): \(String(cString: strerror(errno)))")) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        names.append(withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) })
    }
    return .success(names)
}
