// Placeholder entry point; the emulator replaces it.
return 0;
