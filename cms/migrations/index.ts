import * as migration_20261122_013812_init from './20261122_013812_init';

export const migrations = [
  {
    up: migration_20261122_013812_init.up,
    down: migration_20261122_013812_init.down,
    name: '20261122_013812_init'
  },
];
