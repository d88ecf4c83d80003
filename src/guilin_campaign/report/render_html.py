"""The report as one self-contained HTML page (inline CSS, no external assets) that prints on A4.

Rows are coloured by their light; each indicator has a bar of its completion with a mark at time
progress; the wall chart (挂图作战) is a grid of units by actions coloured by the worst light.
"""

from __future__ import annotations

from html import escape
from typing import Any

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing, Row
from guilin_campaign.render.cells import display
from guilin_campaign.report.build import Report
from guilin_campaign.words import label, none, value_name, word

LIGHTS = ("red", "yellow", "green")
HTML_LANG = {"zh": "zh-CN", "en": "en"}

CSS = """
@page { size: A4; margin: 14mm 12mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", SimSun, sans-serif;
       font-size: 10pt; color: #222; max-width: 186mm; margin: 0 auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; }
p.sub { text-align: center; color: #555; margin: 0 0 12pt; }
h2 { font-size: 12pt; border-left: 4pt solid #c0392b; padding-left: 6pt; margin: 14pt 0 6pt;
     page-break-after: avoid; break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 3pt; vertical-align: middle; }
th { background: #e8e8e8; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; }
tr.red td { background: #fde2e0; }
tr.yellow td { background: #fff4c2; }
tr.green td { background: #e7f5ea; }
span.light { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 2pt; color: #fff; }
.light-red { background: #d93025; } .light-yellow { background: #f2a900; } .light-green { background: #1e8e3e; }
div.bar { position: relative; height: 8pt; min-width: 28mm; background: #f1f1f1; border: 0.5pt solid #aaa; }
div.bar .fill { position: absolute; left: 0; top: 0; bottom: 0; background: #9aa0a6; }
div.bar .fill.light-red { background: #d93025; } div.bar .fill.light-green { background: #1e8e3e; }
div.bar .mark { position: absolute; top: -2pt; bottom: -2pt; width: 0; border-left: 1.2pt solid #000; }
section.wall { page-break-before: always; break-before: page; }
table.wall td.cell { text-align: center; color: #fff; font-weight: bold; }
table.wall td.empty { background: #fafafa; }
p.none, p.legend { color: #666; margin: 2pt 0; }
"""


def render_html(report: Report, lang: Lang) -> str:
    title = report.title(lang)
    body = [f"<h1>{escape(title)}</h1>", f'<p class="sub">{escape(report.subtitle(lang))}</p>']
    for key, listing in report.listings(lang).items():
        if key == "wall_chart":
            body.append(_wall(report, listing.title, lang))
        else:
            body.append(_section(listing, lang, bars=key == "indicators"))
    return (
        f'<!DOCTYPE html>\n<html lang="{HTML_LANG[lang]}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _section(listing: Listing, lang: Lang, bars: bool = False) -> str:
    head = f"<section>\n<h2>{escape(listing.title)}</h2>\n"
    if not listing.rows:
        return head + f'<p class="none">{escape(none(lang))}</p>\n</section>'
    ths = "".join(f"<th>{escape(c.heading(lang))}</th>" for c in listing.columns)
    ths += f"<th>{escape(word('rep.progress', lang))}</th>" if bars else ""
    trs = [_row(listing, row, bars, lang) for row in listing.rows]
    return head + f"<table>\n<thead><tr>{ths}</tr></thead>\n<tbody>\n" + "\n".join(trs) + "\n</tbody>\n</table>\n</section>"


def _row(listing: Listing, row: Row, bar: bool, lang: Lang) -> str:
    cells = []
    for col in listing.columns:
        text = escape(display(col.key, row.get(col.key), lang))
        if col.key == "light" and row.get("light") in LIGHTS:
            text = f'<span class="light light-{row["light"]}">{text}</span>'
        cells.append(f'<td class="num">{text}</td>' if col.numeric else f"<td>{text}</td>")
    if bar:
        cells.append(f"<td>{_bar(row, lang)}</td>")
    light = row.get("light")
    attr = f' class="{light}"' if light in LIGHTS else ""
    return f"<tr{attr}>" + "".join(cells) + "</tr>"


def _percent(value: Any) -> str:
    return f"{max(0.0, min(1.0, float(value))) * 100:.1f}%"


def _bar(row: Row, lang: Lang) -> str:
    """Completion as a filled bar (capped at 100%), time progress as a vertical mark."""
    done, pace = row.get("completion"), row.get("time_progress") or 0.0
    fill = _percent(done) if done is not None else "0.0%"
    tip = word("rep.bar_tip", lang, completion=display("completion", done, lang), time_progress=display("time_progress", pace, lang))
    light = f" light-{row['light']}" if row.get("light") in LIGHTS else ""
    return (f'<div class="bar" title="{escape(tip)}"><div class="fill{light}" style="width: {fill}"></div>'
            f'<div class="mark" style="left: {_percent(pace)}"></div></div>')


def _wall(report: Report, title: str, lang: Lang) -> str:
    wall = report.wall
    head = f"<th>{escape(label('unit', lang))}</th>" + "".join(f"<th>{escape(a)}<br>{escape(name)}</th>" for a, name in wall.actions)
    trs = []
    for unit, name in wall.units:
        tds = [f"<td>{escape(name)}</td>"]
        for action, _ in wall.actions:
            cell = wall.cells.get((unit, action))
            if cell is None:
                tds.append('<td class="empty"></td>')
            else:
                light = value_name("light", cell.light, lang)
                tip = word("rep.wall_tip", lang, name=name, action=action, light=light, done=cell.done, tasks=cell.tasks)
                tds.append(f'<td class="cell light-{cell.light}" title="{escape(tip)}">{cell.done}/{cell.tasks}</td>')
        trs.append("<tr>" + "".join(tds) + "</tr>")
    legend = escape(word("rep.wall_legend", lang))
    return (f'<section class="wall">\n<h2>{escape(title)}</h2>\n<p class="legend">{legend}</p>\n'
            f'<table class="wall">\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(trs) + "\n</tbody>\n</table>\n</section>")

