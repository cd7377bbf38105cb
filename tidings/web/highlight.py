"""Article text → safe HTML with actor mentions, event evidence and quotes highlighted.

The text is untrusted (third-party pages): it is cut at every annotation
boundary and each piece is escaped on its own, so markup in the article
(``<script>``, ``<b>``) is shown as text, never interpreted. Annotations may
overlap freely (a quote across two sentences, a mention inside a quote): a
piece carries the classes of every span covering it. Evidence sentences are
wrapped so that ``#event-<id>`` highlights the whole sentence with CSS alone.
"""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup, escape


def _spans(text_len: int, mentions: list[dict], events: list[dict], quotes: list[dict]) -> list[tuple]:
    """(start, end, css class, title) for each annotation, clipped to the text."""
    spans = []

    def add(start, end, css, title=""):
        if start is None or end is None:
            return
        start, end = max(0, int(start)), min(text_len, int(end))
        if start < end:
            spans.append((start, end, css, title))

    for m in mentions:
        who = " · ".join(str(x) for x in (m.get("actor_name"), m.get("country"), m.get("role")) if x)
        add(m.get("start"), m.get("end"), "mention", who or (m.get("kind") or "mention"))
    for q in quotes:
        add(q.get("start"), q.get("end"), "quote", f"quote · {q.get('speaker_name') or q.get('speaker_text') or '?'}")
        add(q.get("speaker_start"), q.get("speaker_end"), "speaker", "speaker")
        add(q.get("cue_start"), q.get("cue_end"), "cue", "cue")
    for e in events:
        add(e.get("trigger_start"), e.get("trigger_end"), "trigger",
            f"{e.get('plover_type')} · {e.get('source_country') or e.get('source_name') or '?'} → "
            f"{e.get('target_country') or e.get('target_name') or '?'}")
    return spans


def _sentences(text_len: int, events: list[dict]) -> dict[tuple[int, int], list[str]]:
    """Evidence sentences (non-overlapping, first come first kept) → the ids of their events."""
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for e in events:
        start, end = e.get("sentence_start"), e.get("sentence_end")
        if start is None or end is None or not 0 <= start < end <= text_len:
            continue
        groups[(int(start), int(end))].append(str(e["id"]))
    kept, last_end = {}, -1
    for (start, end), ids in sorted(groups.items()):
        if start >= last_end:
            kept[(start, end)] = ids
            last_end = end
    return kept


def highlight(text: str, mentions: list[dict] = (), events: list[dict] = (), quotes: list[dict] = ()) -> Markup:
    """The article body as escaped HTML with every annotation as a ``<span>`` (see module doc)."""
    spans = _spans(len(text), list(mentions), list(events), list(quotes))
    sentences = _sentences(len(text), list(events))
    cuts = {0, len(text)}
    for start, end, _, _ in spans:
        cuts.update((start, end))
    for start, end in sentences:
        cuts.update((start, end))
    cuts = sorted(cuts)
    starts = {s: ids for (s, _), ids in sentences.items()}
    ends = {e for (_, e) in sentences}
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        if left in ends:
            out.append("</span>")
        if left in starts:
            ids = starts[left]
            out.append(f'<span class="evidence" data-events="{escape(" ".join(ids))}">')
            out.extend(f'<a class="anchor" id="event-{escape(i)}"></a>' for i in ids)
        out.append(_piece(text[left:right], [s for s in spans if s[0] <= left and right <= s[1]]))
    if len(text) in ends:
        out.append("</span>")
    return Markup("".join(out))


def _piece(text: str, covering: list[tuple]) -> str:
    if not covering:
        return str(escape(text))
    classes = " ".join(sorted({c for _, _, c, _ in covering}))
    title = " | ".join(dict.fromkeys(t for _, _, _, t in covering if t))
    return f'<span class="{classes}" title="{escape(title)}">{escape(text)}</span>'
