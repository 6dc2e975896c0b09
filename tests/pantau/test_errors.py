"""One line from pydantic's errors: where (the field path, or the whole object) and what."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from pydantic import BaseModel, ValidationError, model_validator

from pantau.errors import dotted, validation_problem


class Item(BaseModel):
    count: int


class Box(BaseModel):
    label: str
    items: list[Item] = []

    @model_validator(mode="after")
    def _not_empty(self) -> Box:
        if self.label == "empty":
            raise ValueError("a box needs a real label")
        return self


def problem(raw: object, name: Callable[[Sequence[int | str]], str] = dotted) -> str:
    with pytest.raises(ValidationError) as info:
        Box.model_validate(raw)
    return validation_problem(info.value, "(box)", name)


def test_a_field_is_named_by_its_dotted_path_and_only_the_first_problem_is_told() -> None:
    message = problem({"label": 3, "items": [{"count": 1}, {"count": "many"}]})
    assert message == "label: Input should be a valid string"
    assert problem({"label": "x", "items": [{"count": 1}, {"count": "many"}]}) == \
        "items.1.count: Input should be a valid integer, unable to parse string as an integer"


def test_a_problem_of_the_whole_object_is_named_by_the_callers_word() -> None:
    assert problem({"label": "empty"}) == "(box): Value error, a box needs a real label"


def test_a_caller_may_spell_field_paths_its_own_way() -> None:
    def numbered(loc: Sequence[int | str]) -> str:
        return f"item #{int(loc[1]) + 1}.{loc[2]}" if loc[0] == "items" else str(loc[0])

    assert problem({"label": "x", "items": [{"count": "many"}]}, name=numbered).startswith("item #1.count: ")
