/// Did-you-mean: the candidate closest to a misspelt word, if one is close enough.
public enum Suggestion {
    /// The candidate with the smallest edit distance to `word`, counted in characters, when
    /// that distance is at most a third of the word's length (at least 1). Ties go to the
    /// earlier candidate, so the answer is stable.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        var budget = Int.max
        return closest(to: word, in: candidates, budget: &budget)
    }

    /// The longest word a suggestion is looked for, in characters: nobody misspells a
    /// sentence, and the distance costs the product of the two lengths.
    public static let maxWordLength = 64

    /// ``closest(to:in:)`` spending at most `budget` units of work (characters read and cells
    /// of the distance table), taking what it spends from `budget`; `nil` once it runs out,
    /// so that many unknown names against many candidates cannot take quadratic time.
    public static func closest(to word: String, in candidates: [String], budget: inout Int) -> String? {
        search(word, candidates, &budget)?.best
    }

    /// ``closest(to:in:budget:)`` when no other candidate is as close: the one suggestion
    /// certain enough for `zhinan fix` to apply. `nil` when two tie.
    public static func unambiguous(to word: String, in candidates: [String], budget: inout Int) -> String? {
        guard let found = search(word, candidates, &budget), !found.tied else { return nil }
        return found.best
    }

    /// The closest candidate, and whether another is as close; one search for both.
    public static func search(_ word: String, _ candidates: [String], _ budget: inout Int) -> (best: String, tied: Bool)? {
        guard word.utf8.count <= 4 * maxWordLength else { return nil }
        let w = Array(word)
        guard !w.isEmpty, w.count <= maxWordLength else { return nil }
        let limit = max(1, w.count / 3)
        var best: (String, Int)? = nil
        var tied = false
        for candidate in candidates where candidate != word && candidate != best?.0 {
            budget -= candidate.utf8.count
            if budget < 0 { return nil }
            guard candidate.utf8.count <= 4 * (w.count + limit) else { continue }
            let c = Array(candidate)
            guard abs(c.count - w.count) <= limit else { continue }
            budget -= w.count * c.count
            if budget < 0 { return nil }
            let d = distance(w, c, limit: limit)
            if d <= limit, d < (best?.1 ?? .max) {
                best = (candidate, d)
                tied = false
            } else if d <= limit, d == best?.1 {
                tied = true
            }
        }
        return best.map { ($0.0, tied) }
    }

    /// Levenshtein distance with adjacent transpositions, giving up past `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
