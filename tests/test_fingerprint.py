"""The fingerprints that decide which pages a rebuild keeps: equal values alike, others never."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from catalog.state.fingerprint import Fingerprinter


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@dataclass
class Leaf:
    a: str = ""
    b: str | None = None
    n: int | None = None


@dataclass
class Node:
    name: str
    leaf: Leaf | None = None
    children: list[Leaf] = field(default_factory=list)
    values: tuple = ()


def fingerprint(value, shallow: bool = False) -> str:
    return Fingerprinter().of(value, shallow)


@pytest.mark.parametrize("one, other", [
    (Leaf("ab", "c"), Leaf("a", "bc")),  # where one field ends and the next begins
    (Leaf("", None), Leaf(None, "")),  # None is not ""
    (Leaf(n=1), Leaf(a="1")),  # an int is not its digits
    (Leaf(n=0), Leaf()),
    (Leaf(b="x"), Leaf(a="x")),  # the field's name counts
    (Node("n", values=("a", "b")), Node("n", values=("ab",))),
    (Node("n", values=(Colour.RED,)), Node("n", values=(Colour.BLUE,))),
    (Node("n", values=(1.0,)), Node("n", values=(1,))),
    (Node("n", values=(Path("a/b"),)), Node("n", values=("a/b",))),
    (Node("n", values=(datetime.date(2020, 1, 2),)), Node("n", values=(datetime.date(2020, 1, 3),))),
    (Node("n", leaf=Leaf("x")), Node("n", children=[Leaf("x")])),
    (Node("n", children=[Leaf("x\u0301")]), Node("n", children=[Leaf("x")])),
])
def test_different_values_never_share_a_fingerprint(one, other):
    assert fingerprint(one) != fingerprint(other)


def test_equal_values_share_one_whatever_their_objects():
    one = Node("Hồ sơ", Leaf("a", "b", 3), [Leaf("c"), Leaf(b="d")], ({"k": 1, "j": frozenset({"x", "y"})},))
    other = Node("Hồ sơ", Leaf("a", "b", 3), [Leaf("c"), Leaf(b="d")], ({"j": frozenset({"y", "x"}), "k": 1},))
    assert fingerprint(one) == fingerprint(other)


def test_a_shallow_fingerprint_leaves_out_the_lists_only():
    node = Node("n", Leaf("x"), [Leaf("child")])
    assert fingerprint(node, shallow=True) == fingerprint(Node("n", Leaf("x"), []), shallow=True)
    assert fingerprint(node, shallow=True) != fingerprint(Node("n", Leaf("y"), [Leaf("child")]), shallow=True)
    assert fingerprint(node, shallow=True) != fingerprint(node)


def test_one_build_digests_each_object_once_but_sees_it_change_in_a_new_build():
    leaf = Leaf("x")
    fingerprints = Fingerprinter()
    before = fingerprints.of(Node("n", leaf))
    leaf.a = "y"  # a build never changes its data once fingerprinted: the digest is remembered
    assert fingerprints.of(Node("n", leaf)) == before
    assert Fingerprinter().of(Node("n", leaf)) != before


def test_a_value_of_an_unknown_kind_is_refused_rather_than_guessed():
    with pytest.raises(TypeError, match="no fingerprint"):
        fingerprint(Node("n", values=(object(),)))
