/* The book's one script (deferred on every page; see aicap/sphinx_ext.py).
 *
 * 1. Explorable figures: move a figure between the drawings made when the book was built.
 *
 * Each <div class="aicap-explorable"> holds the default drawing (a <picture> with one SVG per
 * layout), a hidden form of controls and a line for announcements (see
 * aicap/interactive.py). This script reveals the controls; when one moves it fetches that
 * state's drawing from _static/aicap/states/<figure>/<layout>/<key>.json.gz (one small gzip
 * file: the SVG, its alt text and a one-line summary), shows it and announces the change.
 * Links of class "aicap-setting" in the text set a figure to the setting they name.
 * Nothing is fetched until a reader touches a control; nothing comes from another host.
 *
 * 2. Self-check questions (aicap/selfcheck.py): each listed question becomes a form with
 * radio buttons or a number field, a Check button and a feedback line read out to screen
 * readers. The answers are in the page scrambled (XOR with the quiz's name, then base64).
 *
 * 3. The phone menu and contents buttons. pydata-sphinx-theme 0.17 binds its drawer to the
 * first ".primary-toggle" / ".secondary-toggle" on the page, and sphinx-book-theme adds a
 * second, visible one that then does nothing (pydata-sphinx-theme #2451, sphinx-book-theme
 * #988). The visible buttons are made to press the bound ones. Remove when fixed upstream.
 */
(function () {
  "use strict";

  // The script's own words in the page's edition (<html lang>): English is the source.
  const WORDS = {
    id: {
      "This setting could not be loaded (is the connection down?). The figure still shows the previous setting.":
        "Pengaturan ini tidak dapat dimuat (apakah koneksi terputus?). Gambar masih menampilkan pengaturan sebelumnya.",
      "Choose an answer first.": "Pilih jawaban terlebih dahulu.",
      "Right. ": "Benar. ",
      "Not quite. ": "Belum tepat. ",
      "Your answer ": "Jawaban Anda ",
      "Type a number first (for example 12.5 or 12,5).": "Ketik angka terlebih dahulu (misalnya 12,5).",
      "Not quite: check your working and try again.": "Belum tepat: periksa lagi perhitungan Anda dan coba sekali lagi.",
      "Check": "Periksa",
    },
  };
  const say = (text) => (WORDS[document.documentElement.lang] || {})[text] || text;

  const root = document.documentElement.dataset.content_root || "";
  const statesBase = new URL(root + "_static/aicap/states/", document.baseURI);
  const figures = new Map();

  async function unpack(response) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A server may already have undone the gzip (Content-Encoding): check the magic bytes.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return JSON.parse(await new Response(stream).text());
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  class Explorable {
    constructor(element) {
      this.element = element;
      this.name = element.dataset.aicapFigure.split(":")[1];
      this.form = element.querySelector("form.aicap-controls");
      this.inputs = Array.from(this.form.querySelectorAll("input[type=range], select"));
      this.image = element.querySelector("figure.aicap-figure img");
      this.now = element.querySelector(".aicap-now");
      const source = element.querySelector("figure.aicap-figure source");
      this.narrow = window.matchMedia(source ? source.media : "(max-width: 42em)");
      this.cache = new Map();
      this.latest = null;
      this.objectUrl = null;
      this.driven = false;  // true once the script shows drawings itself
      this.inputs.forEach((input) => {
        input.addEventListener("input", () => this.moved(input));
        this.label(input);
      });
      this.form.querySelector(".aicap-reset").addEventListener("click", () => this.reset());
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.narrow.addEventListener("change", () => {
        if (this.driven) this.show(this.key(), null);
      });
      this.form.hidden = false;
    }

    layout() {
      return this.narrow.matches ? "narrow" : "wide";
    }

    key() {
      return this.inputs.map((input) => input.value).join("-");
    }

    shown(input) {
      return JSON.parse(input.dataset.shown)[Number(input.value)];
    }

    label(input) {
      const text = this.shown(input);
      if (input.type === "range") {
        input.setAttribute("aria-valuetext", text);
        const output = input.parentElement.querySelector("output");
        if (output) output.textContent = text;
      }
    }

    moved(input) {
      this.label(input);
      this.show(this.key(), input);
      this.prefetch(input);
    }

    get(layout, key) {
      const id = layout + "/" + key;
      if (!this.cache.has(id)) {
        const url = new URL(this.name + "/" + id + ".json.gz", statesBase);
        const request = fetch(url).then((response) => {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return unpack(response);
        });
        request.catch(() => this.cache.delete(id));  // try again on the next move
        this.cache.set(id, request);
      }
      return this.cache.get(id);
    }

    prefetch(input) {
      // The next step either way along the control that moved, so a drag feels immediate.
      const index = Number(input.value);
      const positions = this.inputs.map((other) => other.value);
      const at = this.inputs.indexOf(input);
      const count = JSON.parse(input.dataset.values).length;
      for (const step of [-1, 1]) {
        if (index + step < 0 || index + step >= count) continue;
        const keys = positions.slice();
        keys[at] = String(index + step);
        this.get(this.layout(), keys.join("-")).catch(() => {});
      }
    }

    async show(key, input) {
      this.latest = key;
      this.element.classList.add("is-loading");
      let state;
      try {
        state = await this.get(this.layout(), key);
      } catch (error) {
        if (this.latest === key) {
          this.element.classList.remove("is-loading");
          this.now.textContent =
            say("This setting could not be loaded (is the connection down?). " +
                "The figure still shows the previous setting.");
        }
        return;
      }
      if (this.latest !== key) return;  // a newer move is on its way
      if (!this.driven) {
        // From now on the script picks the layout, so the <picture>'s sources step aside.
        this.image.parentElement.querySelectorAll("source").forEach((s) => s.remove());
        this.driven = true;
      }
      const blob = new Blob([state.svg], { type: "image/svg+xml" });
      const previous = this.objectUrl;
      this.objectUrl = URL.createObjectURL(blob);
      this.image.loading = "eager";  // the reader asked for it: draw it even if off-screen
      this.image.width = state.width;
      this.image.height = state.height;
      this.image.alt = state.alt;
      this.image.src = this.objectUrl;
      if (previous) URL.revokeObjectURL(previous);
      this.element.classList.remove("is-loading");
      const moved = input
        ? this.form.querySelector("label[for='" + input.id + "']").textContent +
          ": " + this.shown(input) + "."
        : "";
      this.now.textContent = [moved, state.summary].filter(Boolean).join(" ");
    }

    set(values) {
      // values: {control name: value in the plot function's units}. A link in the text names
      // one setting: the values it lists, and the chapter's setting for every other control
      // (so links read in any order show what their sentence says).
      this.inputs.forEach((input) => {
        if (!(input.dataset.name in values)) {
          input.value = input.dataset.default;
          this.label(input);
        }
      });
      for (const [name, value] of Object.entries(values)) {
        const input = this.inputs.find((candidate) => candidate.dataset.name === name);
        if (!input) continue;
        const positions = JSON.parse(input.dataset.values);
        const index = positions.findIndex((position) =>
          typeof position === "number" && typeof value === "number"
            ? Math.abs(position - value) <= 1e-9 * Math.max(1, Math.abs(value))
            : position === value);
        if (index < 0) continue;
        input.value = String(index);
        this.label(input);
      }
      const changed = this.inputs.filter((input) => input.dataset.name in values);
      this.show(this.key(), changed.length === 1 ? changed[0] : null);
    }

    reset() {
      this.inputs.forEach((input) => {
        input.value = input.dataset.default;
        this.label(input);
      });
      this.show(this.key(), null);
    }
  }

  document.querySelectorAll(".aicap-explorable[data-aicap-figure]").forEach((element) => {
    if (!("DecompressionStream" in window)) return;  // old browser: the default figure stays
    const figure = new Explorable(element);
    figures.set(figure.name, figure);
  });

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.aicap-setting[data-aicap-set]");
    if (!link) return;
    const figure = figures.get(link.dataset.aicapFigure);
    if (figure) figure.set(JSON.parse(link.dataset.aicapSet));
    // the link's own #anchor scrolls the figure into view
  });


  function unscramble(text, key) {
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const pad = new TextEncoder().encode(key);
    const plain = bytes.map((byte, i) => byte ^ pad[i % pad.length]);
    return JSON.parse(new TextDecoder().decode(plain));
  }

  function readNumbers(text) {
    // The readings of a typed number: "12.5", "12,5" (Indonesian decimal comma), "1,234.5",
    // "1.234,5", "12.5%". "274.725" and "1,500" mean one thing to an Indonesian reader and
    // another to an English one, so both readings are kept; the check accepts either.
    const cleaned = text.trim().replace(/[%\s]|Rp/gi, "");
    const readings = [];
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned)) readings.push(cleaned.replace(/\./g, "").replace(",", "."));
    if (/^-?\d+,\d+$/.test(cleaned)) readings.push(cleaned.replace(",", "."));
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned) || !/,/.test(cleaned)) readings.push(cleaned.replace(/,/g, ""));
    return readings.map(Number).filter((number, i) => readings[i] !== "" && Number.isFinite(number));
  }

  function upgradeQuiz(quiz) {
    const answers = unscramble(quiz.dataset.answers, quiz.dataset.quiz);
    quiz.querySelectorAll(".aicap-question").forEach((item, number) => {
      const answer = answers[item.id];
      const text = item.querySelector(".aicap-question-text");
      const form = document.createElement("form");
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      // The question stays visible as the item's first line (so its number sits beside it);
      // the fieldset's legend carries the same words for screen readers, which skip the line.
      legend.textContent = text.textContent;
      legend.className = "aicap-sr-only";
      text.setAttribute("aria-hidden", "true");
      fieldset.append(legend);
      let read;
      if (item.dataset.kind === "choice") {
        const options = Array.from(item.querySelectorAll(".aicap-options > li"));
        options.forEach((option, index) => {
          const id = item.id + "-" + index;
          const label = document.createElement("label");
          label.className = "aicap-option";
          const radio = document.createElement("input");
          radio.type = "radio";
          radio.name = item.id;
          radio.value = String(index);
          radio.id = id;
          label.append(radio, " " + option.textContent);
          fieldset.append(label);
        });
        read = () => {
          const chosen = fieldset.querySelector("input:checked");
          if (!chosen) return ["", say("Choose an answer first.")];
          const index = Number(chosen.value);
          const right = index === answer.correct;
          return [right ? "right" : "wrong", say(right ? "Right. " : "Not quite. ") + answer.why[index]];
        };
      } else {
        const label = document.createElement("label");
        label.className = "aicap-number";
        const input = document.createElement("input");
        input.type = "text";
        input.inputMode = "decimal";
        input.autocomplete = "off";
        label.append(say("Your answer "), input, item.dataset.unit ? " " + item.dataset.unit : "");
        fieldset.append(label);
        read = () => {
          const values = readNumbers(input.value);
          if (!values.length) return ["", say("Type a number first (for example 12.5 or 12,5).")];
          const near = (target) => values.some((value) => Math.abs(value - target) <= answer.tolerance + 1e-9);
          if (near(answer.answer)) return ["right", say("Right. ") + answer.why];
          for (const [mistake, why] of answer.mistakes) {
            if (near(mistake)) return ["wrong", say("Not quite. ") + why];
          }
          return ["wrong", say("Not quite: check your working and try again.")];
        };
      }
      const button = document.createElement("button");
      button.type = "submit";
      button.className = "aicap-check";
      button.textContent = say("Check");
      const feedback = document.createElement("p");
      feedback.className = "aicap-feedback";
      feedback.setAttribute("role", "status");
      feedback.setAttribute("aria-live", "polite");
      form.append(fieldset, button, feedback);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const [verdict, message] = read();
        feedback.dataset.verdict = verdict;
        feedback.textContent = message;
      });
      item.replaceChildren(text, form);
    });
    quiz.classList.add("is-live");
  }

  document.querySelectorAll(".aicap-quiz[data-answers]:not(.is-live)").forEach(upgradeQuiz);

  ["primary-toggle", "secondary-toggle"].forEach((name) => {
    const buttons = Array.from(document.querySelectorAll("." + name));
    const bound = buttons[0];
    buttons.slice(1).forEach((button) => {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        bound.click();
      });
    });
  });
})();
