"""Pages to upload partner files into the collaborative dataset and manage import batches."""
