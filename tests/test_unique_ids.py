"""Document ids are handed out once across a run (readers.UniqueIds), in memory flat in a table's rows."""

from __future__ import annotations

from translate_cmp.readers import UniqueIds


def test_a_repeated_id_gets_the_next_free_suffix():
    unique = UniqueIds()
    given = ["a:1", "a:2", "b", "a:2", "a:2~2", "a:3", "a:1", "x:05", "x:5", "x:05", "x:1", "x:1",
             "c:2", "c:1", "c:2", "c:3", "c:3", "b"]
    assert [unique(i) for i in given] == [
        "a:1", "a:2", "b", "a:2~2", "a:2~2~2", "a:3", "a:1~2", "x:05", "x:5", "x:05~2", "x:1", "x:1~2",
        "c:2", "c:1", "c:2~2", "c:3", "c:3~2", "b~2"]


def test_a_tables_row_names_are_counted_not_kept():
    unique = UniqueIds()
    assert [unique(f"rows:{n}") for n in range(1, 100_001)][-1] == "rows:100000"
    assert not unique.seen and unique.counted == {"rows": 100_000}
    assert unique("rows:70000") == "rows:70000~2"  # a name taken earlier still is
    assert unique("rows:100001") == "rows:100001" and unique("rows") == "rows"
