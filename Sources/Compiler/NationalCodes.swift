import Diagnostics

/// The codes of the national 实施清单 identification and handling elements
/// (GB/T 39554.2-2020, codes of GB/T 39554.1-2020): values (ZN44x) and consistency (ZN81x).
extension CompilerCodes {
    // MARK: Values (ZN440–ZN449)

    public static let badBasicCode = code(
        "ZN440", .error, "基本编码格式不对", "Malformed 基本编码",
        "基本编码（GB/T 39554.1-2020）是 12 位数字：2 位（00 为国家基本目录，否则为省份代码）、事项类型代码 2 位、主项 5 位、子项 3 位（无子项为 000）。",
        "A 基本编码 (GB/T 39554.1-2020) is 12 digits: 2 (00 for the national list, else the province), the 事项类型 code (2), the 主项 (5) and the 子项 (3, 000 when none).",
        "照基本目录抄写 12 位的基本编码，并加引号（如 \"000104002000\"）。",
        "Copy the 12-digit code from the 基本目录 and quote it (\"000104002000\", say).",
        example: "基本编码: \"000104002000\"")
    public static let badImplementationCode = code(
        "ZN441", .error, "实施编码格式不对", "Malformed 实施编码",
        "实施编码是 31 位：实施机关的统一社会信用代码（18 位）、行使层级代码（1 位，1 至 7）和基本编码（12 位）。",
        "A 实施编码 is 31 characters: the 实施机关's 统一社会信用代码 (18), the 行使层级 code (1, 1 to 7) and the 基本编码 (12).",
        "按“统一社会信用代码 + 行使层级代码 + 基本编码”重新拼出实施编码。",
        "Put the code together again as 统一社会信用代码 + 行使层级 code + 基本编码.",
        example: "实施编码: 11450721MB155808114000104002000")
    public static let badHandlingItemCode = code(
        "ZN442", .error, "业务办理项编码格式不对", "Malformed 业务办理项 code",
        "业务办理项的编码是 33 位：事项的实施编码（31 位）加 2 位顺序号。",
        "A 业务办理项 code is 33 characters: the item's 实施编码 (31) and a two-digit sequence number.",
        "写成实施编码后加 01、02……", "Write the 实施编码 followed by 01, 02 …")
    public static let duplicateHandlingItemCode = code(
        "ZN443", .error, "业务办理项编码重复", "Duplicate 业务办理项 code",
        "同一事项的两个业务办理项使用了同一个编码；编码用来区分办理项，必须唯一。",
        "Two 业务办理项 of one item share a code; the code tells them apart and must be unique.",
        "给每个业务办理项不同的顺序号。", "Give each 业务办理项 its own sequence number.")
    public static let onlineDepthOrder = code(
        "ZN444", .warning, "网上办理深度顺序不对或有缺漏", "网上办理深度 out of order or with gaps",
        "网上办理深度按代码集的顺序逐级列出：互联网咨询、互联网收件、互联网预审、互联网受理、互联网办理……；达到某一深度的事项，也做到了它之前的各级。顺序颠倒或跳过一级，通常是漏写或写错了。",
        "The depths are listed level by level in the code set's order: 互联网咨询, 互联网收件, 互联网预审, 互联网受理, 互联网办理 …; an item that reaches a depth also reaches those before it. A list out of order or skipping a level is usually a slip.",
        "按代码集的顺序列出，补上缺少的各级。", "List them in the code set's order and add the missing levels.",
        example: "网上办理深度: [互联网咨询, 互联网收件, 互联网预审, 互联网受理]")

    // MARK: Consistency (ZN810–ZN819)

    public static let basicCodeTypeMismatch = code(
        "ZN810", .error, "基本编码与事项类型不一致", "基本编码 disagrees with 事项类型",
        "基本编码的第 3、4 位是事项类型的代码（01 行政许可 …… 10 其他行政权力、20 公共服务）；与事项类型不一致，说明二者之一写错了。",
        "Characters 3 and 4 of the 基本编码 are the code of the 事项类型 (01 行政许可 … 10 其他行政权力, 20 公共服务); when they disagree, one of the two is wrong.",
        "核对基本目录，改正基本编码或事项类型。", "Check the 基本目录 and correct the 基本编码 or the 事项类型.")
    public static let implementationCodeMismatch = code(
        "ZN811", .error, "实施编码与其组成部分不一致", "实施编码 disagrees with its parts",
        "实施编码由实施机关的统一社会信用代码、行使层级代码和基本编码依次组成，每一段都必须与事项中相应的要素一致。",
        "A 实施编码 is the 实施机关's 统一社会信用代码, the 行使层级 code and the 基本编码, in that order; each part must agree with the item's element.",
        "按提示改正不一致的那一段，或改正相应的要素。", "Correct the part the message names, or the element it disagrees with.")
    public static let handlingItemCodeMismatch = code(
        "ZN812", .error, "业务办理项编码不以实施编码开头", "业务办理项 code does not start with the 实施编码",
        "业务办理项的编码是事项的实施编码加 2 位顺序号。",
        "A 业务办理项 code is the item's 实施编码 followed by a two-digit sequence number.",
        "把编码的前 31 位改为事项的实施编码。", "Make the first 31 characters the item's 实施编码.")
    public static let exerciseLevelRegion = code(
        "ZN813", .warning, "行使层级与目录的行政区划不一致", "行使层级 disagrees with the catalog's 行政区划",
        "行政区划为省（如 440000）的目录实施省级事项，为市（如 440100）的实施市级事项，为县区（如 440103）的实施县级事项（及镇级、村级事项）。省级、市级事项也会在下级实施，因此只是警告。",
        "A catalog of a province (440000, say) carries out 省级 items, of a city (440100) 市级 items, of a county or district (440103) 县级 items (and 镇级, 村级 ones). Higher-level items are also carried out locally, so this is only a warning.",
        "核对行使层级；确实由上级事项在本地实施的，可以忽略这一警告。", "Check the 行使层级; where a higher-level item really is carried out here, the warning may be ignored.")
    public static let onSiteWithoutReason = code(
        "ZN814", .error, "需要到现场却没有写明原因", "On-site visits without a reason",
        "到现场次数为 1 次及以上的事项，必须写明“必须现场办理原因”（全国实施清单的必填项）。",
        "An item with 到现场次数 of 1 or more must say why (必须现场办理原因), as the national 实施清单 requires.",
        "补上“必须现场办理原因”，或把到现场次数改为 0。", "Add 必须现场办理原因, or make 到现场次数 0.",
        example: "到现场次数: 1\n必须现场办理原因: 需现场核验经营者身份并签署承诺。")
    public static let zeroVisitsWindowOnly = code(
        "ZN815", .error, "零跑动却只能窗口办理", "No visit, yet handled only at the window",
        "到现场次数为 0 表示申请人不必到现场，而办理形式只有窗口办理，二者相互矛盾。",
        "到现场次数 0 means the applicant need not come, while 办理形式 allows only the window: the two contradict each other.",
        "在办理形式中加入网上或快递办理，或改正到现场次数。", "Add an online or postal 办理形式, or correct 到现场次数.")
    public static let onlineWithoutURL = code(
        "ZN816", .error, "网上可办却没有网办地址", "Online handling without an address",
        "网上办理深度达到互联网收件及以上的事项，申请人要知道在哪里办，必须写明网办地址。",
        "An item whose 网上办理深度 reaches 互联网收件 or beyond must give 网办地址, so applicants know where to go.",
        "补上网办地址（http:// 或 https://）。", "Add 网办地址 (http:// or https://).")
    public static let entrustedWithoutAgency = code(
        "ZN817", .error, "受委托行使却没有委托部门", "Entrusted power without the entrusting agency",
        "权力来源为上级委托或同级委托的事项，必须写明委托部门。",
        "An item whose 权力来源 is 上级委托 or 同级委托 must name its 委托部门.",
        "写明委托部门（catalog.yaml 中“实施机关”的编号）。", "Name the 委托部门 (an id of catalog.yaml's 实施机关).")
    public static let jointWithoutAgencies = code(
        "ZN818", .error, "联办件没有联办机构", "联办件 without 联办机构",
        "办件类型为联办件的事项由几个机关共同办理，必须列出联办机构。",
        "A 联办件 is handled by several agencies together; it must list its 联办机构.",
        "列出联办机构（catalog.yaml 中“实施机关”的编号）。", "List the 联办机构 (ids of catalog.yaml's 实施机关).")

    /// The codes above, for ``all``.
    static let national: [DiagnosticCode] = [
        badBasicCode, badImplementationCode, badHandlingItemCode, duplicateHandlingItemCode, onlineDepthOrder,
        basicCodeTypeMismatch, implementationCodeMismatch, handlingItemCodeMismatch, exerciseLevelRegion,
        onSiteWithoutReason, zeroVisitsWindowOnly, onlineWithoutURL, entrustedWithoutAgency, jointWithoutAgencies,
    ]
}
