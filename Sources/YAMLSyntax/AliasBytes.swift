extension YAMLNode {
    /// The bytes of text a node holds, keys and scalars, counted without recursion.
    var textBytes: Int {
        var total = 0
        var pending: [YAMLNode] = [self]
        while let node = pending.popLast() {
            switch node.value {
            case .scalar(let s): total += s.text.utf8.count
            case .sequence(let items): pending += items
            case .mapping(let pairs):
                for p in pairs {
                    total += p.key.text.utf8.count
                    pending.append(p.value)
                }
            }
        }
        return total
    }
}
