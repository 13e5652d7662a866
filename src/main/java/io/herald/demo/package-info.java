/**
 * The demo organisation: about 300 people across five locations, created on the first
 * start of the embedded default so anyone trying Herald can see it through any employee's
 * eyes. Never active outside demo mode.
 */
package io.herald.demo;
