/* The catalogue filters' logic (docs/assets/javascripts/catalogue-filters.js) against the one specification,
   tests/golden/filters.json, whose words the build also passes (tests/test_filters_golden.py).
   Run: node --test tests/catalogue_filters.test.js */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const F = require(path.join(__dirname, "..", "docs", "assets", "javascripts", "catalogue-filters.js"));
const golden = require(path.join(__dirname, "golden", "filters.json"));

test("lists and numbered names", () => {
  for (const [words, text] of golden.lists) assert.equal(F.listText(words), text);
  for (const [numbers, noun, text] of golden.numbers) assert.equal(F.numbersNamed(numbers, noun), text);
});

for (const catalogue of golden.catalogues) {
  for (const c of catalogue.cases) {
    test(catalogue.name + ": " + c.name, () => {
      const read = F.readAddress("#" + c.address, catalogue.filters);
      assert.deepEqual(read.ignored, c.ignored);
      assert.equal(F.address(catalogue.filters, read.chosen), c.canonical);
      assert.deepEqual(F.readAddress(c.canonical, catalogue.filters).chosen, read.chosen, "the written address reads back the same");
      const shown = F.matching(catalogue.items, catalogue.filters, read.chosen);
      assert.deepEqual(shown.map((item) => item.id), c.shown);
      if (c.nothing === null) {
        assert.ok(shown.length > 0 || !c.canonical, "nothing matches, so the case must say what is nearest");
        return;
      }
      assert.equal(shown.length, 0);
      const near = F.nearest(catalogue.items, catalogue.filters, read.chosen);
      assert.deepEqual(near.map((item) => item.id), c.nearest);
      assert.equal(F.nothingText(near, catalogue.filters, read.chosen, catalogue.numbered), c.nothing);
    });
  }
}
