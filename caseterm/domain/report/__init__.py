"""The periodic report (legal spec §5.2–5.3, product.md §0 and §6), as pure functions.

- `trace`: one replay of a person's events gives the report's view of them: the stock group at
  every moment (K1–K4) and every flow (F1–F9) with its moment;
- `dims`: the breakdown dimensions (sex, national age bands, substance group, regime…);
- `monthly`: the period, and the counting of a population's traces into indicator tables.
"""
