"""The catalog table shows the speed label beside the memory fit (issue 14, point 4)."""

from PySide6.QtCore import Qt

from app.core import catalog as cat
from app.core import speed
from app.ui.widgets.model_tables import CatalogModel


def test_the_fit_column_names_fit_speed_and_recommendation_and_colours_slow_as_tight(qtbot):
    choices = [c for c in cat.load_catalog() if c.quant == "Q4_K_M"][:3]
    keys = [(c.model_id, c.quant) for c in choices]
    model = CatalogModel()
    model.set_catalog(choices, {k: cat.FITS for k in keys}, {keys[0]},
                      {keys[0]: speed.FAST, keys[1]: speed.SLOW, keys[2]: ""})
    assert model.index(0, 3).data() == "fits · fast here · recommended"
    assert model.index(1, 3).data() == "fits · slow here"
    assert model.index(2, 3).data() == "fits"  # speed unknown: nothing claimed
    assert model.index(0, 3).data(Qt.ForegroundRole).name() == "#1e8449"
    assert model.index(1, 3).data(Qt.ForegroundRole).name() == "#b9770e"
    model.set_catalog(choices, {k: cat.FITS for k in keys}, set())  # the old call, without speeds
    assert model.index(1, 3).data() == "fits"
