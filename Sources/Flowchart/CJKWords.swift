/// Where a line of Chinese may break. UAX #14 puts a break opportunity between any two
/// ideographs (class ID), which splits words ("食品许/可审查岗"); Chinese has no spaces, so
/// words are found with a table of the words flowchart labels use (steps, posts, conditions
/// of government service items), longest first, and a line breaks only between them. A run
/// the table does not know still breaks between any two characters.
enum CJKWords {
    /// The longest word of the table that starts `chars` at `start`, in characters (≥ 1).
    static func length(_ chars: [Character], at start: Int) -> Int {
        let most = min(maxLength, chars.count - start)
        var n = most
        while n >= 2 {
            if words.contains(String(chars[start..<(start + n)])) { return n }
            n -= 1
        }
        return 1
    }

    static let maxLength = 4

    /// Words of two to four characters that must not be split across lines.
    static let words: Set<String> = [
        // Actions and stages.
        "申请", "受理", "审查", "审核", "审批", "审定", "初审", "复审", "复核", "核查", "核验", "核实",
        "核发", "核准", "核对", "决定", "批准", "准予", "不予", "办结", "送达", "领取", "发放", "发证",
        "制证", "出证", "登记", "备案", "注册", "变更", "注销", "延续", "补正", "告知", "通知", "公示",
        "公告", "听证", "勘验", "勘查", "现场", "调查", "入户", "评审", "评估", "检查", "检验", "检测",
        "鉴定", "论证", "签发", "签章", "归档", "收件", "收取", "提交", "补交", "退回", "转办", "上报",
        "报送", "会签", "联审", "联办", "并联", "串联", "确认", "认定", "结算", "缴费", "收费", "办理",
        "咨询", "预审", "网上", "线上", "线下", "窗口", "前台", "后台", "一次性", "踏勘", "验收",
        // Conditions and outcomes.
        "符合", "不符合", "条件", "材料", "齐全", "不齐全", "需要", "无需", "通过", "不通过", "同意",
        "不同意", "一致", "不一致", "信息", "合格", "不合格", "终止", "撤回", "逾期", "超期",
        // Things and subjects.
        "食品", "药品", "经营", "生产", "许可", "许可证", "营业", "执照", "营业执照", "证照", "证书",
        "证明", "企业", "个体", "工商", "户籍", "身份", "身份证", "残疾", "残疾人", "补贴", "护理",
        "生活", "救助", "社会", "医疗", "卫生", "教育", "民办", "学校", "建设", "工程", "规划", "施工",
        "消防", "环境", "排水", "道路", "占用", "挖掘", "户外", "广告", "招牌", "设置", "资金",
        "资格", "资质", "场所", "设施", "设备", "项目", "用地", "房屋", "住房", "档案",
        // Offices and posts.
        "政务", "服务", "中心", "综合", "街道", "社区", "区级", "市级", "民政", "民政局", "市场",
        "监管", "监督", "管理", "管理局", "市场监管", "卫生健康", "住建", "城管", "残联", "人社",
        "公安", "税务", "财政", "局长", "科长", "科室", "业务", "业务科", "审批科", "负责人", "分管",
        "领导", "人员", "岗位", "工作", "办事", "申请人", "经办", "经办人", "承办", "承办人",
        "审批岗", "审核岗", "审查岗", "受理岗", "初审岗", "复核岗", "决定岗", "办结岗", "专家",
    ]
}
