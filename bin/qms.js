#!/usr/bin/env node
// The `qms` command; `npm run build` compiles the sources into dist/.
require('../dist/apps/qms/src/main.js');
