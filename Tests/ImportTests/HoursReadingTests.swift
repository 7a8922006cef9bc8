import Testing

@testable import Import

/// The ways a row's office-hours pieces can be shared out among its windows.
@Suite struct HoursReadingTests {
    @Test func oneWindowKeepsTheWholeText() {
        #expect(HoursReading.all(windows: 1, pieces: ["周一至周五", "周六"]) == [["周一至周五；周六"]])
    }

    @Test func twoPiecesForTwoWindowsReadTwoWays() {
        #expect(HoursReading.all(windows: 2, pieces: ["a", "b"]) == [["a", "b"], ["a；b", "a；b"]])
    }

    /// The samples' case: `a；a；b` for two windows is a and a；b, or a；a and b; the second
    /// repeats a piece within one window's hours and is no reading.
    @Test func aRepeatedPieceIsNeverOneWindowsHours() {
        #expect(HoursReading.all(windows: 2, pieces: ["a", "a", "b"]) == [["a", "a；b"]])
    }

    @Test func oneHoursForAllWindows() {
        #expect(HoursReading.all(windows: 3, pieces: ["a"]) == [["a", "a", "a"]])
    }

    @Test func tooManyPiecesGiveNoReading() {
        #expect(HoursReading.all(windows: 2, pieces: (1...13).map(String.init)).isEmpty)
        #expect(HoursReading.all(windows: 12, pieces: (1...12).map(String.init)).isEmpty)  // over 256 readings
    }
}
