#!/usr/bin/env python3
"""Draws the app icon (a bar-and-line chart) at every size the desktops want.

    python3 scripts/make-icon.py      (needs Pillow: pip install pillow)

Writes assets/icon.png (256x256), assets/icons/hicolor/NxN/apps/trade-explorer.png and
assets/icons/trade-explorer.ico (Windows). The pictures are committed; this script is how to
redraw them.
"""
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
BIG = 1024


def draw() -> Image.Image:
    img = Image.new("RGBA", (BIG, BIG), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # A rounded tile in deep blue.
    d.rounded_rectangle((48, 48, BIG - 48, BIG - 48), radius=180, fill=(16, 42, 86, 255))
    # Baseline.
    d.rounded_rectangle((170, 800, BIG - 170, 822), radius=11, fill=(210, 222, 240, 255))
    # Three bars in the app's Okabe-Ito colours (Jinhua, Yiwu, Yongkang).
    bars = [((0x00, 0x9E, 0x73), 560), ((0xD5, 0x5E, 0x00), 430), ((0x56, 0xB4, 0xE9), 300)]
    x = 220
    for colour, height in bars:
        d.rounded_rectangle((x, 800 - height, x + 150, 800), radius=24, fill=colour + (255,))
        x += 205
    # A rising line with points, in white.
    points = [(230, 560), (420, 470), (610, 380), (800, 200)]
    d.line(points, fill=(255, 255, 255, 255), width=44, joint="curve")
    for px, py in points:
        d.ellipse((px - 46, py - 46, px + 46, py + 46), fill=(255, 255, 255, 255))
        d.ellipse((px - 22, py - 22, px + 22, py + 22), fill=(16, 42, 86, 255))
    return img


def main() -> None:
    big = draw()
    sizes = [16, 24, 32, 48, 64, 128, 256, 512]
    for size in sizes:
        out = ROOT / "assets" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "trade-explorer.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        big.resize((size, size), Image.LANCZOS).save(out, optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(ROOT / "assets" / "icon.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(
        ROOT / "assets" / "icons" / "trade-explorer.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )


if __name__ == "__main__":
    main()
