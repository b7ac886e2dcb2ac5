-- CONTRACTS.md imports zones before units, so a zone may name its office before the
-- office exists; the service checks the office's kind when it arrives (unit_store.cc).
ALTER TABLE zones DROP FOREIGN KEY zones_office;
