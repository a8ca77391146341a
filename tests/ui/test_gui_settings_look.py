"""Settings and the Privacy page read as finished: words a user knows, nothing raw, nothing repeated."""

from datetime import datetime, timedelta, timezone

from PySide6.QtWidgets import QGroupBox, QLabel, QMessageBox

from app.core import network_log, system
from app.ui.settings import privacy_dialog
from app.ui.settings.settings_actions import describe_machine

RAW_FEATURES = ("CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | AVX512 = 1 | "
                "AVX512_VNNI = 0 | AMX_INT8 = 1 | LLAMAFILE = 1 | OPENMP = 1 | REPACK = 1 | ")


def test_accelerations_are_words_and_internal_switches_are_left_out():
    assert system.accelerations(RAW_FEATURES) == ["AVX", "AVX2", "AVX-512", "AMX"]
    assert system.accelerations("CPU : NEON = 1 | ARM_FMA = 1 | DOTPROD = 1 | MATMUL_INT8 = 1 |") == [
        "NEON", "dot product", "int8 matrix multiply"]
    assert system.accelerations("") == [] and system.accelerations("garbage | | =") == []


def test_this_computer_is_a_readable_summary_not_llama_cpp_s_feature_string():
    info = {"backend": "cpu", "n_gpu_layers": 0, "llama_cpp_version": "0.3.9", "n_ctx": 8192, "n_threads": 3,
            "n_threads_batch": 4, "flash_attn": False, "kv_type": "f16", "system_info": RAW_FEATURES}
    text = describe_machine(info)
    first = text.splitlines()[0]
    assert f"{system.physical_cores()} cores" in first and "memory" in first and "free" in first
    assert "Accelerations: AVX, AVX2, AVX-512, AMX" in text and "GPU: none used" in text
    assert "context 8,192 tokens" in text and "3 threads for answers, 4 for reading" in text
    assert "|" not in text and "= 1" not in text and "LLAMAFILE" not in text
    before_load = describe_machine({})
    assert "cores" in before_load and "Load a model" in before_load and "Accelerations" not in before_load


def test_settings_tabs_no_repeated_titles_buttons_fit_their_text_and_delete_looks_destructive(qtbot, open_window,
                                                                                              no_starter):
    window, controller = open_window()
    dialog = controller.settings_actions.open_settings()
    dialog.resize(640, 560)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    titles = [box.title() for box in dialog.findChildren(QGroupBox)]
    assert not set(titles) & set(tabs), titles  # no group repeats its tab's name
    assert "This computer" in titles
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        qtbot.wait(10)
        for button in (dialog.open_data_folder, dialog.delete_all_button):
            if button.isVisible():  # as wide as its text (with padding), not the whole page
                assert button.width() < button.sizeHint().width() + 40 < dialog.width() / 2, button.text()
    assert "#d64545" in dialog.delete_all_button.styleSheet()  # red text and outline
    assert "border" in dialog.delete_all_button.styleSheet()
    # Each sampling parameter says what it does, beside it and in its tooltip.
    form = dialog.sampling
    for name in ("temperature", "top_p", "top_k", "min_p", "repeat_penalty", "max_tokens", "seed"):
        field = getattr(form, name)
        assert len(field.accessibleDescription()) > 30 and field.toolTip(), name
        assert any(label.text() == field.accessibleDescription() for label in form.findChildren(QLabel)), name
    assert form.top_k.specialValueText() == "no limit"
    dialog.reject()


def test_privacy_times_are_local_and_human_failures_show_their_outcome(qtbot, open_window, no_starter, monkeypatch):
    now = datetime.now().astimezone()
    assert privacy_dialog.local_time(now.astimezone(timezone.utc).isoformat(timespec="seconds"), now) == \
        f"today {now:%H:%M}"
    yesterday = now - timedelta(days=1)
    assert privacy_dialog.local_time(yesterday.isoformat(), now) == f"yesterday {yesterday:%H:%M}"
    assert privacy_dialog.local_time("2020-05-12T08:00:00+00:00", now).startswith("12 May 2020 ")
    assert privacy_dialog.local_time("not a time", now) == "not a time"
    assert privacy_dialog.local_time("2020-05-12T08:00:00", now) == "2020-05-12T08:00:00"  # no zone: as logged

    ok = network_log.record("127.0.0.1:9", "search")
    network_log.settle(ok, network_log.outcome_of(status=200))
    failed = network_log.record("127.0.0.1:9", "file list acme/Tiny-GGUF")
    network_log.settle(failed, network_log.outcome_of(ConnectionRefusedError("refused")))
    network_log.record("127.0.0.1:9", "download acme/Tiny-GGUF/tiny.gguf")  # no outcome: Cove quit, say
    window, controller = open_window()
    page = controller.privacy_actions.show()
    rows = [[page.table.item(r, c).text() for c in range(4)] for r in range(page.table.rowCount())]
    assert [row[2:] for row in rows] == [["download acme/Tiny-GGUF/tiny.gguf", "no outcome logged"],
                                         ["file list acme/Tiny-GGUF", "failed: ConnectionRefusedError"],
                                         ["search", "ok"]]
    assert all(row[0].startswith("today ") for row in rows)
    assert page.table.horizontalHeaderItem(0).text() == "Time"
    assert page.table.item(1, 3).foreground().color().name() == "#d64545"
    summary = page.summary.text()
    assert "`" not in summary and "<code>cove models search</code>" in summary
    page.reject()

    # About says exactly what is true: requests happen, only those, only when the user starts them.
    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text: shown.append(text)))
    controller.window_actions.show_about()
    assert "sends nothing anywhere" not in shown[0]
    assert "except the requests listed on the Privacy page" in shown[0] and "model search and downloads" in shown[0]
