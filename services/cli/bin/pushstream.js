#!/usr/bin/env node
// The installed `pushstream` command: npm links this file at install time, before the build exists.
import "../dist/main.js";
