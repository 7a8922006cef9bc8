#!/usr/bin/env python3
"""Writes a synthetic catalog of N items for benchmarks, deterministic from a seed.

Usage: Benchmarks/gen_catalog.py N OUT [--seed S]

The catalog follows DB44/T 1147-2013 and DB44/T 1148-2013 like catalogs/*, and passes
`zhinan check` with no error and no warning:
- a catalog.yaml with agencies (valid GB 32100 统一社会信用代码), windows of every 窗口类别,
  a law registry and a shared 材料库;
- N items under items/<folder>/, 2-5 KB of YAML each: 8-15 materials (inline ones and
  材料库 references), 2-4 legal bases, 6-12 flow steps with branches, a 补正 loop through
  a 计时: 否 step and a 不予受理 end; critical path <= 承诺 <= 2/3 of 法定; every 岗位 of
  the flow but 申请人 listed in 审批人员.

The same N, seed and script give byte-identical files. The path of OUT must not exist or
be an empty folder.
"""

import argparse
import os
import random
import sys

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
REGION = "440000"


def credit_code(rng):
    """An 18-character 统一社会信用代码 with its GB 32100 check character."""
    body = "11" + REGION + "".join(rng.choice(CHARSET) for _ in range(9))
    total = sum(CHARSET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + CHARSET[(31 - total % 31) % 31]


CN_NUM = "零一二三四五六七八九"


def cn_number(n):
    """1..199 in Chinese numerals, as article numbers are written (第十二条)."""
    if n < 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n % 10] if n % 10 else "")
    if n < 100:
        return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")
    rest = n % 100
    head = CN_NUM[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + CN_NUM[rest]
    return head + (CN_NUM[rest // 10] + "十" + (CN_NUM[rest % 10] if rest % 10 else ""))


DEPARTMENTS = [
    ("scjg", "广东省市场监督管理局"), ("wjw", "广东省卫生健康委员会"), ("zjt", "广东省住房和城乡建设厅"),
    ("rst", "广东省人力资源和社会保障厅"), ("mzt", "广东省民政厅"), ("jyt", "广东省教育厅"),
    ("jtt", "广东省交通运输厅"), ("sthjt", "广东省生态环境厅"), ("zrzyt", "广东省自然资源厅"),
    ("slt", "广东省水利厅"), ("nyt", "广东省农业农村厅"), ("swt", "广东省商务厅"),
    ("whlt", "广东省文化和旅游厅"), ("yjglt", "广东省应急管理厅"), ("gat", "广东省公安厅"),
    ("sft", "广东省司法厅"), ("czt", "广东省财政厅"), ("kjt", "广东省科学技术厅"),
    ("gxt", "广东省工业和信息化厅"), ("lyj", "广东省林业局"), ("ypjgj", "广东省药品监督管理局"),
    ("tyj", "广东省体育局"), ("xfjy", "广东省消防救援总队"), ("dzj", "广东省地震局"),
]

WINDOWS = [
    ("gc-1", "工程建设综合受理窗口", "工程类", "广东省政务服务中心一楼A区1至6号窗口"),
    ("gc-2", "投资项目审批受理窗口", "工程类", "广东省政务服务中心一楼A区7至9号窗口"),
    ("jy-1", "商事登记综合受理窗口", "经营类", "广东省政务服务中心二楼B区10至15号窗口"),
    ("jy-2", "经营许可综合受理窗口", "经营类", "广东省政务服务中心二楼B区16至20号窗口"),
    ("jy-3", "资质资格综合受理窗口", "经营类", "广东省政务服务中心二楼B区21至24号窗口"),
    ("gm-1", "社保民政综合受理窗口", "公民类", "广东省政务服务中心三楼C区25至30号窗口"),
    ("gm-2", "教育卫生综合受理窗口", "公民类", "广东省政务服务中心三楼C区31至34号窗口"),
    ("zh-1", "综合受理与统一出件窗口", "综合", "广东省政务服务中心一楼大厅35至40号窗口"),
]

LAW_LEVELS = ["法律", "行政法规", "地方性法规", "部门规章", "地方政府规章", "规范性文件"]
LAW_SUBJECTS = [
    "行政许可", "食品安全", "药品管理", "安全生产", "建筑", "城乡规划", "环境保护", "水污染防治",
    "大气污染防治", "消防", "道路交通安全", "道路运输", "水法", "森林", "土地管理", "矿产资源",
    "社会保险", "劳动合同", "就业促进", "职业教育", "民办教育促进", "医师", "护士", "母婴保健",
    "传染病防治", "特种设备安全", "计量", "标准化", "产品质量", "认证认可", "广告", "反不正当竞争",
    "旅游", "文物保护", "体育", "广播电视管理", "出版管理", "电影产业促进", "种子", "畜牧",
    "动物防疫", "渔业", "农药管理", "兽药管理", "饲料和饲料添加剂管理", "危险化学品安全管理",
    "烟花爆竹安全管理", "民用爆炸物品安全管理", "测绘", "气象", "防震减灾", "公路", "港口",
    "航道", "城市供水", "燃气管理", "物业管理", "殡葬管理", "慈善", "社会团体登记管理",
]

SHARED_MATERIALS = [
    ("yyzz", "营业执照", "政府部门核发", True, "复印件"),
    ("sydwzs", "事业单位法人证书", "政府部门核发", True, "复印件"),
    ("shttzs", "社会团体法人登记证书", "政府部门核发", True, "复印件"),
    ("fddbrzm", "法定代表人身份证明", "申请人自备", False, "原件"),
    ("wts", "授权委托书", "申请人自备", False, "原件"),
    ("jbrsfz", "经办人身份证件", "政府部门核发", True, "原件"),
    ("sfz", "居民身份证", "政府部门核发", True, "原件"),
    ("hkb", "居民户口簿", "政府部门核发", True, "原件"),
    ("jzz", "广东省居住证", "政府部门核发", True, "原件"),
    ("cdzm", "场地证明", "申请人自备", False, "复印件"),
    ("bdcqz", "不动产权证书", "政府部门核发", True, "复印件"),
    ("zlht", "房屋租赁合同", "申请人自备", False, "复印件"),
    ("glzd", "管理制度文本", "申请人自备", False, "原件"),
    ("cns", "告知承诺书", "申请人自备", False, "原件"),
    ("sqb", "申请表", "申请人自备", False, "原件"),
    ("zyzg", "专业技术人员资格证书", "政府部门核发", True, "复印件"),
    ("sbjf", "社会保险缴费证明", "政府部门核发", True, "原件"),
    ("cwbg", "年度财务审计报告", "中介机构出具", False, "复印件"),
    ("aqpj", "安全评价报告", "中介机构出具", False, "原件"),
    ("hpwj", "环境影响评价文件批复", "政府部门核发", True, "复印件"),
    ("xfys", "消防验收意见书", "政府部门核发", True, "复印件"),
    ("jkzm", "从业人员健康证明", "其他", True, "复印件"),
    ("zp", "近期免冠彩色照片", "申请人自备", False, "原件"),
    ("xyzm", "信用承诺书", "申请人自备", False, "原件"),
    ("gszc", "公司章程", "申请人自备", False, "复印件"),
    ("yjya", "应急预案", "申请人自备", False, "原件"),
    ("sbqd", "主要设备清单", "申请人自备", False, "原件"),
    ("ryqd", "专业技术人员名单", "申请人自备", False, "原件"),
    ("jgtz", "建设工程规划许可证", "政府部门核发", True, "复印件"),
    ("byzs", "学历学位证书", "其他", True, "复印件"),
]

SUBJECTS = [
    "食品生产", "食品经营", "药品零售", "医疗器械经营", "特种设备使用", "危险化学品经营", "道路货物运输",
    "建筑施工", "房地产开发", "物业服务", "人力资源服务", "劳务派遣", "民办学校", "职业培训机构",
    "医疗机构执业", "母婴保健技术服务", "放射诊疗", "公共场所卫生", "生活饮用水供水单位卫生",
    "排污", "取水", "河道采砂", "林木采伐", "植物检疫", "种子生产经营", "兽药经营", "饲料生产",
    "动物诊疗", "渔业捕捞", "旅行社设立", "营业性演出", "娱乐场所经营", "网络文化经营", "出版物零售",
    "印刷经营", "广播电视节目制作", "体育经营活动", "烟花爆竹经营", "民用爆炸物品运输", "燃气经营",
    "城市排水", "户外广告设置", "测绘资质", "气象探测设施", "建设工程消防设计审查", "公众聚集场所投入使用",
    "社会团体成立登记", "民办非企业单位登记", "慈善组织认定", "养老机构备案", "殡葬服务机构设立",
    "职业资格证书", "教师资格认定", "护士执业注册", "医师执业注册", "执业药师注册", "导游证核发",
    "注册建筑师", "造价工程师注册", "安全生产许可", "非煤矿山安全生产", "工业产品生产许可",
    "计量器具型式批准", "检验检测机构资质认定", "地方标准立项", "港口经营", "航道通航条件影响评价",
    "公路超限运输", "城市道路占用", "临时建筑", "施工图审查备案", "竣工验收备案", "商品房预售",
]
ACTIONS = [
    ("许可", "XK", "行政许可"), ("许可（变更）", "XK", "行政许可"), ("许可（延续）", "XK", "行政许可"),
    ("许可（注销）", "XK", "行政许可"), ("备案", "QT", "其他行政权力"), ("确认", "QR", "行政确认"),
    ("登记", "QR", "行政确认"), ("证书补发", "GF", "公共服务"), ("核准", "XK", "行政许可"),
]
OBJECTS = ["自然人", "企业法人", "事业法人", "社会组织法人", "行政机关", "其他组织"]
FORMS = ["窗口", "电脑端", "移动端", "快递"]

CLAUSES = [
    "申请人应当具备与所从事活动相适应的场所、设施设备和专业技术人员",
    "有关主管部门应当自受理申请之日起在规定期限内作出决定",
    "对符合条件的，予以批准并颁发相应证书；对不符合条件的，书面通知申请人并说明理由",
    "申请人应当如实向行政机关提交有关材料和反映真实情况，并对其申请材料实质内容的真实性负责",
    "行政机关应当将法律、法规、规章规定的有关行政许可的事项、依据、条件、数量、程序、期限以及需要提交的全部材料的目录和申请书示范文本等在办公场所公示",
    "申请材料存在可以当场更正的错误的，应当允许申请人当场更正",
    "申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容",
    "从事该项活动，应当依法取得许可，并在许可范围内开展经营",
    "主管部门应当建立健全监督制度，对许可事项的实施情况进行监督检查",
    "许可证有效期届满需要延续的，应当在有效期届满三十日前向原发证机关提出申请",
    "依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计算在规定的期限内",
    "被许可人以欺骗、贿赂等不正当手段取得许可的，应当予以撤销",
]
CONDITIONS = [
    "依法设立，具有独立承担法律责任的能力",
    "具有与申请事项相适应的固定场所，场所面积和布局符合有关规范要求",
    "具有与申请事项相适应的设施设备，并经检定或者校准合格",
    "配备与业务规模相适应的专业技术人员和管理人员，并经培训考核合格",
    "建立健全质量管理、安全管理和岗位责任等管理制度",
    "近三年内未因违反相关法律法规受到吊销许可证件的行政处罚",
    "制定突发事件应急预案，并定期组织演练",
    "申请人及其法定代表人未被列入严重失信主体名单",
    "符合国家和省有关产业政策及相关规划要求",
    "法律、法规规定的其他条件",
]
MATERIAL_NAMES = [
    "申请书", "可行性研究报告", "场所平面布局图", "设施设备清单及检定证书", "专业技术人员名册及资格证明",
    "质量管理制度文本", "安全管理制度文本", "岗位责任制度", "工艺流程说明", "自查报告",
    "检验检测报告", "现场核查整改报告", "原许可证书正本和副本", "变更事项说明及证明材料", "年度工作报告",
    "技术负责人任命文件", "培训考核记录", "委托协议", "管理人员名单及身份证明", "产品标准文本",
    "项目建设方案", "专家论证意见", "所在地规划条件说明", "周边环境说明及图示", "从业人员名单",
]
REQUIREMENTS = [
    "按照本机关公布的格式文本填写，加盖申请单位公章。",
    "由法定代表人签字并加盖单位公章，内容应当真实、完整。",
    "应当在有效期内，复印件注明“与原件一致”并加盖公章。",
    "标明各功能区域的名称、面积和相对位置，按比例绘制。",
    "列明名称、型号、数量、检定或者校准有效期。",
    "包括岗位设置、职责分工、操作规程和记录表格。",
    "由具备相应资质的机构在申请前一年内出具。",
    "通过广东省电子证照系统可以核验的，免于提交。",
]
REVIEW_POINTS = [
    "核对申请书填写内容与其他材料是否一致，签字盖章是否齐全。",
    "核查场所面积、布局是否满足规范要求，必要时开展现场核查。",
    "核对设备检定或者校准证书的有效期和出具机构资质。",
    "核查人员资格证书的真实性，与社保缴纳记录是否一致。",
    "检查制度文本是否覆盖关键环节，是否有执行记录。",
    "核对报告出具机构资质及报告结论，重点关注不合格项。",
]
MIDDLE_STEPS = [
    ("初审", "业务处室经办人"), ("材料审查", "业务处室经办人"), ("审查", "审查员"),
    ("技术审查", "技术审查员"), ("审核", "业务处室负责人"), ("复核", "复核人员"),
    ("会签", "相关处室负责人"), ("集体审议", "审议小组"),
]
UNTIMED_MIDDLE = [
    ("现场核查", "现场核查员", "现场核查所需时间不计入办理时限，核查时间书面告知申请人。"),
    ("专家评审", "评审专家组", "专家评审所需时间不计入办理时限，评审安排书面告知申请人。"),
    ("检验检测", "检验检测机构", "检验检测所需时间不计入办理时限。"),
]
RIGHTS = [
    "申请人依法享有知情权、陈述权、申辩权，对办理结果不服的，有依法申请行政复议或者提起行政诉讼的权利。",
    "申请人应当如实提交有关材料和反映真实情况，对申请材料实质内容的真实性负责。",
    "申请人应当配合审批机关开展现场核查，按时领取办理结果。",
    "申请人取得许可后，应当在许可范围内从事相关活动，并接受监督检查。",
]


def q(text):
    """A plain YAML scalar is fine for all generated text; keep it one line."""
    return text


def make_catalog(rng, n_laws):
    out = []
    out.append("# 合成数据：zhinan 基准测试用的示意性目录，由 Benchmarks/gen_catalog.py 生成，不是任何机关的正式目录。")
    out.append("目录名称: 广东省政务服务事项目录（基准测试合成数据）")
    out.append(f'行政区划: "{REGION}"')
    out.append("标准: [DB44/T 1147-2013, DB44/T 1148-2013]")
    out.append("内控线: 2/3")
    out.append("")
    out.append("实施机关:")
    for i, (aid, name) in enumerate(DEPARTMENTS):
        out.append(f"  - 编号: {aid}")
        out.append(f"    名称: {name}")
        out.append(f"    统一社会信用代码: {credit_code(rng)}")
        out.append(f"    地址: 广州市越秀区示范路{2 * i + 1}号")
        out.append(f"    电话: 020-{12340000 + i * 17:08d}")
    out.append("")
    out.append("窗口:")
    for wid, name, cat, place in WINDOWS:
        out.append(f"  - 编号: {wid}")
        out.append(f"    名称: {name}")
        out.append(f"    类别: {cat}")
        out.append(f"    地点: {place}")
        out.append("    办公时间: 周一至周五 9:00-12:00, 13:30-17:00（法定节假日除外）")
    out.append("")
    out.append("法规:")
    laws = []
    for i in range(n_laws):
        subject = LAW_SUBJECTS[i % len(LAW_SUBJECTS)]
        level = LAW_LEVELS[(i // len(LAW_SUBJECTS)) % len(LAW_LEVELS)] if i >= len(LAW_SUBJECTS) else rng.choice(LAW_LEVELS[:4])
        suffix = {"法律": "法", "行政法规": "条例", "地方性法规": "条例", "部门规章": "管理办法",
                  "地方政府规章": "实施办法", "规范性文件": "实施意见"}[level]
        prefix = "中华人民共和国" if level == "法律" else ("广东省" if level.startswith("地方") or level == "规范性文件" else "")
        lid = f"fg{i + 1:03d}"
        laws.append(lid)
        out.append(f"  - 编号: {lid}")
        out.append(f"    名称: {prefix}{subject}{suffix}")
        out.append(f"    层级: {level}")
        if level != "规范性文件":
            out.append(f"    文号: 第{i + 11}号令")
        out.append(f"    施行日期: {1990 + i % 34}-{1 + i % 12:02d}-01")
    out.append("")
    out.append("材料库:")
    for mid, name, source, shareable, form in SHARED_MATERIALS:
        out.append(f"  - 编号: {mid}")
        out.append(f"    名称: {name}")
        out.append(f"    来源: {source}")
        out.append(f"    可共享: {'true' if shareable else 'false'}")
        out.append(f"    形式: {form}")
        out.append("    份数: 1")
        out.append("    介质: 纸质或电子")
        if rng.random() < 0.6:
            out.append(f"    要求: {rng.choice(REQUIREMENTS)}")
    return "\n".join(out) + "\n", laws


def make_flow(rng):
    """Steps as (name, role, limit or None, timed, note, next or branches, end); and the
    working days of the critical path."""
    steps = []
    if rng.random() < 0.5:
        steps.append(dict(name="申请", role="申请人", nxt="受理"))
    refuse = rng.random() < 0.6
    middle_n = rng.randint(1, 3)
    middles = rng.sample(MIDDLE_STEPS, middle_n)
    untimed = rng.choice(UNTIMED_MIDDLE) if rng.random() < 0.4 else None
    first_mid = middles[0][0]
    steps.append(dict(name="受理", role="综合受理窗口", limit="即办", branches=[
        ("材料齐全、符合法定形式", first_mid),
        ("材料不齐全或者不符合法定形式", "补正告知"),
    ] + ([("不属于本机关职权范围", "不予受理")] if refuse else [])))
    steps.append(dict(name="补正告知", role="综合受理窗口", timed=False,
                      note="一次性告知需补正的全部内容。", nxt="受理"))
    if refuse:
        steps.append(dict(name="不予受理", role="综合受理窗口", limit="即办", end="终止"))
    path_days = 0
    chain = [m for m in middles]
    for k, (name, role) in enumerate(chain):
        days = rng.randint(1, 5)
        path_days += days
        after = chain[k + 1][0] if k + 1 < len(chain) else "决定"
        if k == 0 and untimed:
            steps.append(dict(name=name, role=role, limit=f"{days}个工作日", branches=[
                ("需要" + untimed[0], untimed[0]), ("书面审查可以确认", after)]))
            steps.append(dict(name=untimed[0], role=untimed[1], timed=False, note=untimed[2], nxt=after))
        else:
            steps.append(dict(name=name, role=role, limit=f"{days}个工作日", nxt=after))
    days = rng.randint(1, 3)
    path_days += days
    make_cert = rng.random() < 0.6
    steps.append(dict(name="决定", role="分管领导", limit=f"{days}个工作日", branches=[
        ("符合条件", "制证" if make_cert else "送达"), ("不符合条件", "不予许可告知")]))
    if make_cert:
        days = rng.randint(1, 2)
        path_days += days
        steps.append(dict(name="制证", role="业务处室经办人", limit=f"{days}个工作日", nxt="送达"))
    steps.append(dict(name="送达", role="综合受理窗口", limit="即办", end="准予"))
    steps.append(dict(name="不予许可告知", role="综合受理窗口", limit="即办",
                      note="出具决定书并说明理由。", end="不予"))
    return steps, path_days


ROLE_DUTIES = {
    "综合受理窗口": "接收申请材料。",
    "业务处室经办人": "对申请材料进行审查。",
    "审查员": "按照审查标准逐项审查申请材料。",
    "技术审查员": "对技术文件进行专业审查。",
    "业务处室负责人": "审核审查意见。",
    "复核人员": "复核审查过程和审核意见。",
    "相关处室负责人": "就涉及本处室职责的内容出具会签意见。",
    "审议小组": "对重大、复杂事项集体审议。",
    "分管领导": "作出准予或者不予的决定。",
    "现场核查员": "按照核查规范开展现场核查。",
    "评审专家组": "按照评审规范开展技术评审。",
    "检验检测机构": "按照标准开展检验检测。",
}


def make_item(rng, i, laws):
    subject = SUBJECTS[i % len(SUBJECTS)]
    action, kind, typ = ACTIONS[(i // len(SUBJECTS)) % len(ACTIONS)]
    dept_id, dept_name = DEPARTMENTS[i % len(DEPARTMENTS)]
    code = f"{REGION}-{kind}-{i // 999 + 1:05d}-{i % 999 + 1:03d}"
    lines = []
    a = lines.append
    a(f"事项名称: {subject}{action}（第{i + 1}号）")
    a(f"事项编码: {code}")
    a(f"事项类型: {typ}")
    objs = sorted(rng.sample(range(len(OBJECTS)), rng.randint(1, 3)))
    a(f"服务对象: [{', '.join(OBJECTS[k] for k in objs)}]")
    a(f"实施机关: {dept_id}")
    a(f"受理范围: 在本省行政区域内申请{subject}{action}的{('、'.join(OBJECTS[k] for k in objs))}。")
    wins = sorted(rng.sample(range(len(WINDOWS)), rng.randint(1, 2)))
    a(f"受理地点: [{', '.join(WINDOWS[k][0] for k in wins)}]")
    forms = sorted(rng.sample(range(len(FORMS)), rng.randint(1, 3)))
    a(f"办理形式: [{', '.join(FORMS[k] for k in forms)}]")
    a("办理依据:")
    for law in rng.sample(laws, rng.choice([2, 2, 3, 3, 4])):
        a(f"  - 法规: {law}")
        a(f"    条款: 第{cn_number(rng.randint(1, 120))}条")
        if rng.random() < 0.6:
            a(f"    内容: {rng.choice(CLAUSES)}。")
    a(f"办件类型: {rng.choice(['承诺件', '承诺件', '承诺件', '联办件', '上报件'])}")
    a("审批条件:")
    for c in rng.sample(CONDITIONS, rng.randint(2, 4)):
        a(f"  - {c}。")
    a("申请材料:")
    n_mat = rng.randint(8, 15)
    n_shared = rng.randint(3, min(9, n_mat - 3))
    shared = rng.sample(SHARED_MATERIALS, n_shared)
    inline = rng.sample(MATERIAL_NAMES, n_mat - n_shared)
    for name in inline:
        a(f"  - 材料: {name}")
        if rng.random() < 0.8:
            a(f"    形式: {rng.choice(['原件', '复印件', '原件和复印件'])}")
        if rng.random() < 0.6:
            a(f"    份数: {rng.randint(1, 3)}")
        if rng.random() < 0.4:
            a(f"    介质: {rng.choice(['纸质', '电子', '纸质或电子'])}")
        if rng.random() < 0.5:
            a(f"    来源: {rng.choice(['申请人自备', '申请人自备', '中介机构出具', '其他'])}")
        a(f"    必要性: {rng.choice(['必要', '必要', '必要', '非必要', '容缺后补'])}")
        if rng.random() < 0.4:
            a(f"    要求: {rng.choice(REQUIREMENTS)}")
        if rng.random() < 0.25:
            a(f"    审查要点: {rng.choice(REVIEW_POINTS)}")
    for mid, name, _, _, _ in shared:
        a(f"  - 材料库: {mid}")
        a("    必要性: 必要")
        if rng.random() < 0.4:
            a(f"    条件: 申请人为{rng.choice(['企业', '事业单位', '社会组织'])}的")
    steps, path_days = make_flow(rng)
    promised = path_days + rng.randint(0, 3)
    statutory = -(-promised * 3 // 2) + rng.randint(0, 8)
    a("办理时限:")
    a(f"  法定: {statutory}个工作日")
    a(f"  承诺: {promised}个工作日")
    if rng.random() < 0.8:
        a("审批收费: 不收费")
    else:
        a("审批收费:")
        a(f"  - 项目: {subject}证书工本费")
        a(f"    标准: 每证{rng.randint(5, 50)}元")
        a("    依据: 广东省发展和改革委员会、广东省财政厅收费文件")
    a("申请人权利和义务: |")
    for r in RIGHTS[: rng.randint(1, 2)]:
        a(f"  {r}")
    a("咨询:")
    a(f"  电话: 020-{12340000 + (i % len(DEPARTMENTS)) * 17 + 1:08d}")
    a(f"  地址: {WINDOWS[wins[0]][3]}")
    a("  网址: https://www.gdzwfw.gov.cn")
    a("办理流程:")
    for s in steps:
        a(f"  - 环节: {s['name']}")
        a(f"    岗位: {s['role']}")
        if "limit" in s:
            a(f"    时限: {s['limit']}")
        if s.get("timed") is False:
            a("    计时: 否")
        if "note" in s:
            a(f"    说明: {s['note']}")
        if "nxt" in s:
            a(f"    下一步: {s['nxt']}")
        if "branches" in s:
            a("    下一步:")
            for cond, to in s["branches"]:
                a(f"      - 条件: {cond}")
                a(f"        转到: {to}")
        if "end" in s:
            a(f"    结束: {s['end']}")
    a("法律救济:")
    a("  行政复议: 自知道该行政行为之日起六十日内，向广东省人民政府申请行政复议。")
    a("  行政诉讼: 自知道该行政行为之日起六个月内，依法向人民法院提起行政诉讼。")
    if typ == "行政许可":
        a("审批证件:")
        a(f"  名称: {subject}许可证")
        a(f"  有效期: {rng.choice(['3年', '4年', '5年', '长期'])}")
    a("审批人员:")
    seen = []
    for s in steps:
        if s["role"] != "申请人" and s["role"] not in seen:
            seen.append(s["role"])
    for role in seen:
        a(f"  - 岗位: {role}")
        a(f"    职责: {ROLE_DUTIES[role]}")
    a("审批进程查询: 凭受理回执编号在广东政务服务网查询办理进度。")
    a("监督检查: 每年按照不低于百分之五的比例随机抽查，结果向社会公开。")
    return code, "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("count", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"{args.out} exists and is not empty")
    rng = random.Random(args.seed)
    catalog, laws = make_catalog(rng, 80)
    os.makedirs(os.path.join(args.out, "items"), exist_ok=True)
    with open(os.path.join(args.out, "catalog.yaml"), "w", encoding="utf-8") as f:
        f.write(catalog)
    folders = max(1, min(200, args.count // 100))
    for i in range(args.count):
        while True:  # 2-5 KB of YAML an item, as the issue asks
            code, text = make_item(rng, i, laws)
            if 2000 <= len(text.encode("utf-8")) <= 5000:
                break
        folder = os.path.join(args.out, "items", f"d{i % folders:03d}")
        if i < folders:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, code + ".yaml"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
