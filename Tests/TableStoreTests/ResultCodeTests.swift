import Testing
@testable import TableStore

/// Result-code names, checked against the `#define`s of sqlite3.h (3.40.1).
@Suite struct ResultCodeTests {
    @Test(arguments: [
        (0, "SQLITE_OK"), (5, "SQLITE_BUSY"), (11, "SQLITE_CORRUPT"), (14, "SQLITE_CANTOPEN"), (26, "SQLITE_NOTADB"),
        (101, "SQLITE_DONE"), (517, "SQLITE_BUSY_SNAPSHOT"), (267, "SQLITE_CORRUPT_VTAB"), (779, "SQLITE_CORRUPT_INDEX"), (1555, "SQLITE_CONSTRAINT_PRIMARYKEY"),
        (2067, "SQLITE_CONSTRAINT_UNIQUE"), (266, "SQLITE_IOERR_READ"), (522, "SQLITE_IOERR_SHORT_READ"), (1038, "SQLITE_CANTOPEN_CONVPATH"),
        (19 | 99 << 8, "SQLITE_CONSTRAINT (extended code 25363)"), (77, "SQLite result code 77"),
    ])
    func names(code: Int32, name: String) {
        #expect(ResultCode(rawValue: code).name == name)
    }

    @Test func primaryAndExplanation() {
        let code = ResultCode(rawValue: 2067)
        #expect(code.primary == .constraint)
        #expect(code.explanation == "constraint failed")
        #expect(ResultCode.notADatabase.explanation == "file is not a database")
    }
}
