/**
 * Directory pages (search, profiles, org chart), HR's editing of people, departments and
 * locations, the CSV import and export, and the employees and import API.
 */
package io.herald.directory.web;
