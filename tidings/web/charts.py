"""Charts drawn on the server as inline SVG: no JavaScript library, no CDN, works offline.

Every label passes through ``escape``; numbers are formatted here. A chart is
a ``Markup`` string dropped into a template. Marks carry classes (``coop``,
``conflict``, ``edge``, ``node``) that the stylesheet colours and the browser
tests look for.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from markupsafe import Markup, escape


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _label(period: str, by: str) -> str:
    return {"year": period[:4], "month": period[:7]}.get(by, period)


def timeline_svg(series: list[dict], by: str, link: Callable[[str], str] | None = None, *,
                 width: int = 900, height: int = 260, selected: str | None = None) -> Markup:
    """Cooperation above the axis, conflict below, one bar pair per period; each period links to its events."""
    if not series:
        return Markup('<p class="empty">No dated events for this selection.</p>')
    pad_l, pad_r, pad_t, pad_b = 40, 10, 14, 28
    plot_w, half = width - pad_l - pad_r, (height - pad_t - pad_b) / 2
    top = max(max(r.get("cooperation") or 0 for r in series), max(r.get("conflict") or 0 for r in series), 1)
    step = plot_w / len(series)
    bar = max(step * 0.8, 0.6)
    zero = pad_t + half
    parts = [f'<svg class="chart timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-label="cooperation and conflict by {escape(by)}" xmlns="http://www.w3.org/2000/svg">',
             f'<line class="axis" x1="{pad_l}" y1="{zero}" x2="{width - pad_r}" y2="{zero}"/>',
             f'<text class="tick" x="{pad_l - 4}" y="{pad_t + 8}" text-anchor="end">{top}</text>',
             f'<text class="tick" x="{pad_l - 4}" y="{height - pad_b}" text-anchor="end">{top}</text>',
             f'<text class="legend coop" x="{pad_l + 4}" y="{pad_t - 3}">cooperation ▲</text>',
             f'<text class="legend conflict" x="{pad_l + 4}" y="{height - pad_b + 12}">conflict ▼</text>']
    label_every = max(1, math.ceil(len(series) / 10))
    for i, row in enumerate(series):
        period = str(row["period"])
        x = pad_l + i * step + (step - bar) / 2
        coop_h = half * (row.get("cooperation") or 0) / top
        conf_h = half * (row.get("conflict") or 0) / top
        title = (f"{_label(period, by)}: {row.get('events') or 0} events, {row.get('cooperation') or 0} cooperation, "
                 f"{row.get('conflict') or 0} conflict")
        css = "period selected" if selected == period else "period"
        mark = (f'<g class="{css}" data-period="{escape(period)}" data-events="{row.get("events") or 0}">'
                f'<title>{escape(title)}</title>'
                f'<rect class="hit" x="{_num(pad_l + i * step)}" y="{pad_t}" width="{_num(step)}" height="{_num(2 * half)}"/>'
                f'<rect class="coop" x="{_num(x)}" y="{_num(zero - coop_h)}" width="{_num(bar)}" height="{_num(coop_h)}"/>'
                f'<rect class="conflict" x="{_num(x)}" y="{_num(zero)}" width="{_num(bar)}" height="{_num(conf_h)}"/></g>')
        if link and (row.get("events") or 0):
            mark = f'<a href="{escape(link(period))}">{mark}</a>'
        parts.append(mark)
        if i % label_every == 0:
            parts.append(f'<text class="tick" x="{_num(pad_l + i * step)}" y="{height - 4}">'
                         f'{escape(_label(period, by))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _colour(coop: int, conflict: int) -> str:
    """Green for cooperation, red for conflict, mixed in between."""
    share = coop / (coop + conflict) if coop + conflict else 0.5
    red, green = int(200 * (1 - share) + 30), int(160 * share + 40)
    return f"rgb({red},{green},70)"


def network_svg(nodes: list[dict], edges: list[dict], link: Callable[[str], str] | None = None, *,
                size: int = 640, max_nodes: int = 40) -> Markup:
    """Countries on a circle, largest first; curved directed edges sized by events, coloured by their mix."""
    if not nodes:
        return Markup('<p class="empty">No relations between countries for this selection.</p>')
    nodes = nodes[:max_nodes]
    centre, radius = size / 2, size / 2 - 60
    where = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        where[node["country"]] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    heaviest = max((e["events"] for e in edges), default=1)
    biggest = max(n["events"] for n in nodes) or 1
    parts = [f'<svg class="chart network" viewBox="0 0 {size} {size}" width="100%" role="img" '
             f'aria-label="relations network" xmlns="http://www.w3.org/2000/svg">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
             'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>']
    for edge in edges:
        if edge["source"] not in where or edge["target"] not in where:
            continue
        (x1, y1), (x2, y2) = where[edge["source"]], where[edge["target"]]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        cx, cy = mx + (centre - mx) * 0.25 + (y2 - y1) * 0.12, my + (centre - my) * 0.25 - (x2 - x1) * 0.12
        width = 1 + 6 * math.sqrt(edge["events"] / heaviest)
        title = (f"{edge['source']} → {edge['target']}: {edge['events']} events, "
                 f"{edge.get('cooperation', 0)} cooperation, {edge.get('conflict', 0)} conflict")
        parts.append(f'<path class="edge" d="M {_num(x1)} {_num(y1)} Q {_num(cx)} {_num(cy)} {_num(x2)} {_num(y2)}" '
                     f'stroke="{_colour(edge.get("cooperation", 0), edge.get("conflict", 0))}" '
                     f'stroke-width="{_num(width)}" fill="none" marker-end="url(#arrow)">'
                     f'<title>{escape(title)}</title></path>')
    for node in nodes:
        x, y = where[node["country"]]
        r = 6 + 16 * math.sqrt(node["events"] / biggest)
        label = escape(node["country"])
        mark = (f'<g class="node" data-country="{label}"><circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}">'
                f'<title>{label}: {node["events"]} events ({node["outgoing"]} out, {node["incoming"]} in)</title>'
                f'</circle><text x="{_num(x)}" y="{_num(y - r - 4)}" text-anchor="middle">{label}</text></g>')
        parts.append(f'<a href="{escape(link(node["country"]))}">{mark}</a>' if link else mark)
    parts.append("</svg>")
    return Markup("".join(parts))
