// Ingest stage
