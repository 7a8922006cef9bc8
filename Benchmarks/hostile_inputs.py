#!/usr/bin/env python3
"""Writes the hostile catalogs that Benchmarks/hostile.sh times, one folder each.

Usage: Benchmarks/hostile_inputs.py OUT

Each case is a catalog folder under OUT made of catalogs/liwan-yichuang/catalog.yaml and
items built as Tests/zhinanTests/HostileInputTests.swift builds them (the tests check what
zhinan says about them; this measures how long it takes and how much memory):

- ten-thousand-materials: one item with 10,000 materials, the last with 份数 0;
- unknown-steps: 4,000 steps naming unknown next steps, and a 5,000-character name;
- eight-thousand-branches: a step with 8,000 branches;
- thousand-step-ring: a 1,000-step flow closed through an untimed step (built, not checked);
- alias-bomb: a megabyte of nested aliases, no catalog.yaml;
- unknown-keys-600k: one item with 600,000 unknown keys (ZN302 each);
- bad-files-100k: 100,000 small items, each with an unknown key and missing elements;
- forty-questions: 40 情形 questions of 3 options and 1,600 materials each needing one option
  of 3 questions (a random 3-SAT instance, seed 14): the search for a combination with no
  material (ZN835) runs to its bound (ZN841).
"""

import random

import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SAMPLE = os.path.join(ROOT, "catalogs", "liwan-yichuang")
CATALOG = open(os.path.join(SAMPLE, "catalog.yaml"), encoding="utf-8").read()
ITEM = open(os.path.join(SAMPLE, "items", "jingying", "shipin-jingying-xuke.yaml"), encoding="utf-8").read()


def replacing(element, upto, replacement):
    """The sample item with its elements from `element` up to `upto` replaced."""
    start = ITEM.index("\n" + element + ":")
    end = ITEM.index("\n" + upto + ":")
    return ITEM[:start] + "\n" + replacement + ITEM[end:]


def write(folder, files):
    for path, text in files.items():
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)


def cases():
    materials = "申请材料:\n" + "".join(
        f"  - 材料: 材料{i}\n    形式: 原件\n    份数: {0 if i == 9999 else 1}\n    来源: 申请人自备\n" for i in range(10000))
    yield "ten-thousand-materials", {"items/a.yaml": replacing("申请材料", "办理时限", materials)}

    long = "长" * 5000
    flow = f"办理流程:\n  - 环节: {long}\n    下一步: {long[:-1]}短\n"
    flow += "".join(f"  - 环节: 步骤{i}\n    下一步: 不存在{i}\n" for i in range(4000))
    flow += "  - 环节: 统一出件\n    结束: 准予\n"
    yield "unknown-steps", {"items/a.yaml": replacing("办理流程", "法律救济", flow)}

    flow = "办理流程:\n  - 环节: 开始\n    下一步:\n" + "".join(f"      - 转到: 步骤{i}\n" for i in range(8000))
    flow += "".join(f"  - 环节: 步骤{i}\n    时限: 1个工作日\n    下一步: 统一出件\n" for i in range(8000))
    flow += "  - 环节: 统一出件\n    结束: 准予\n    时限: 两天\n"
    yield "eight-thousand-branches", {"items/a.yaml": replacing("办理流程", "法律救济", flow)}

    flow = "办理流程:\n"
    for i in range(1000):
        flow += f"  - 环节: 步骤{i}\n    岗位: 综合受理窗口\n    时限: 1个工作日\n"
        if i == 999:
            flow += "    计时: 否\n"
        flow += f"    下一步:\n      - 转到: 步骤{(i + 1) % 1000}\n      - 转到: 统一出件\n"
    flow += "  - 环节: 统一出件\n    岗位: 统一出件窗口\n    结束: 准予\n"
    yield "thousand-step-ring", {"items/a.yaml": replacing("办理流程", "法律救济", flow)}

    bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    i = 1
    while len(bomb.encode()) < 1_000_000:
        bomb += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n"
        i += 1
    yield "alias-bomb", {"bomb.yaml": bomb, "catalog.yaml": None}

    yield "unknown-keys-600k", {"items/a.yaml": "事项名称: 测试\n" + "".join(f"x{i}: 1\n" for i in range(600000))}

    rng = random.Random(14)
    questions = "情形:\n" + "".join(
        f"  - 编号: q{q}\n    问题: 问题{q}？\n    选项: [甲{q}, 乙{q}, 丙{q}]\n" for q in range(40))
    materials = "申请材料:\n"
    for i in range(1600):
        named = rng.sample(range(40), 3)
        when = ", ".join(f"q{q}: {rng.choice('甲乙丙')}{q}" for q in named)
        materials += f"  - 材料: 材料{i}\n    形式: 原件\n    份数: 1\n    来源: 申请人自备\n    适用情形: {{{when}}}\n"
    item = replacing("申请材料", "办理时限", materials)
    yield "forty-questions", {"items/a.yaml": item[:item.index("\n情形:") + 1] + questions}

    many = {f"items/d{i // 1000}/i{i}.yaml": "事项名称: 测试\n未知: 1\n" for i in range(100000)}
    yield "bad-files-100k", many


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    for name, files in cases():
        folder = os.path.join(out, name)
        if os.path.exists(os.path.join(folder, ".complete")):
            continue
        files = dict(files)
        if "catalog.yaml" not in files:
            files["catalog.yaml"] = CATALOG
        write(folder, {p: t for p, t in files.items() if t is not None})
        open(os.path.join(folder, ".complete"), "w").close()
        print(name)


if __name__ == "__main__":
    main()
