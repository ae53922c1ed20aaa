// Pure time arithmetic for the wizard and the queue: runs in the browser and on the server.
export * from './chunks';
export * from './plan';
export * from './presets';
export * from './zone';
