/// 网上办理深度 read as a ladder: how far an applicant can get online.
///
/// The code set (互联网咨询 1 … 互联网办理 5, 互联网办理结果信息反馈 6, 互联网电子证照反馈 7, 其他 8)
/// lists the depths an item reaches. Its first five values are the steps of applying, each
/// deeper than the one before; 6 and 7 say how the result comes back and 8 is no depth, so
/// they reach no step of the ladder. "Reaches 互联网受理" means the item lists 互联网受理 or
/// the deeper 互联网办理, whatever the order it lists them in.
public enum OnlineDepth {
    /// The steps of applying online, shallowest first.
    public static let ladder = ["互联网咨询", "互联网收件", "互联网预审", "互联网受理", "互联网办理"]
    /// 互联网收件: an application can be handed in online (is_online, 网办地址 required).
    public static let submission = "互联网收件"
    /// 互联网受理: the application is accepted online (网上可办).
    public static let acceptance = "互联网受理"
    /// 互联网办理: the whole item is handled online (全程网办, with 到现场次数 0).
    public static let handling = "互联网办理"

    /// Whether `depths` reaches `level` of ``ladder``: lists it or a deeper step.
    public static func reaches(_ depths: [String], _ level: String) -> Bool {
        guard let floor = ladder.firstIndex(of: level) else { return depths.contains(level) }
        return depths.contains { ladder.firstIndex(of: $0).map { $0 >= floor } ?? false }
    }
}
