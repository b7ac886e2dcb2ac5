-- The deadline lists and the statistics read clues by due date, receipt and disposal.
ALTER TABLE clues
  ADD KEY clues_by_due_on (due_on),
  ADD KEY clues_by_received_on (received_on),
  ADD KEY clues_by_disposed_on (disposed_on);
