"""Pictures as wire items: upload checks, embedded metadata, renditions, blob storage and
signed downloads (ARCHITECTURE.md, "media/")."""
