"""Charts for ``--plot``: matplotlib on the Agg backend (no display), written to PNG or SVG."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ..query.analytics import Network


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_series(df: pd.DataFrame, path: Path, *, title: str, by: str) -> None:
    """Cooperation up, conflict down, mean intensity as a line on a second axis."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 4))
    width = {"day": 0.8, "week": 5, "month": 25, "year": 300}[by]
    ax.bar(df["period"], df["cooperation"], width=width, color="#2f8f4e", label="cooperation (quad 1-2)")
    ax.bar(df["period"], -df["conflict"], width=width, color="#c0392b", label="conflict (quad 3-4)")
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_ylabel("events")
    twin = ax.twinx()
    twin.plot(df["period"], df["mean_intensity"], color="#23415a", marker=".", linewidth=1, label="mean intensity")
    twin.set_ylabel("mean intensity")
    ax.set_title(title)
    handles = ax.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def plot_network(net: Network, path: Path, max_nodes: int = 40) -> None:
    """Countries on a circle, arrows sized by events, green to red by cooperation share."""
    plt = _pyplot()
    nodes = net.nodes.head(max_nodes)
    where = {c: (math.cos(2 * math.pi * i / max(len(nodes), 1)), math.sin(2 * math.pi * i / max(len(nodes), 1)))
             for i, c in enumerate(nodes["country"])}
    fig, ax = plt.subplots(figsize=(8, 8))
    heaviest = max(net.edges["events"].max() if len(net.edges) else 1, 1)
    for edge in net.edges.itertuples():
        if edge.source in where and edge.target in where:
            share = edge.cooperation / max(edge.cooperation + edge.conflict, 1)
            ax.annotate("", xy=where[edge.target], xytext=where[edge.source],
                        arrowprops=dict(arrowstyle="-|>", connectionstyle="arc3,rad=0.15", alpha=0.7,
                                        color=(0.8 * (1 - share) + 0.1, 0.6 * share + 0.15, 0.3),
                                        linewidth=0.5 + 5 * math.sqrt(edge.events / heaviest)))
    biggest = max(nodes["events"].max() if len(nodes) else 1, 1)
    for node in nodes.itertuples():
        x, y = where[node.country]
        ax.scatter([x], [y], s=80 + 600 * node.events / biggest, color="#23415a", zorder=3)
        ax.text(x * 1.12, y * 1.12, node.country, ha="center", va="center", fontsize=9)
    ax.set_axis_off()
    ax.set_aspect("equal")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
