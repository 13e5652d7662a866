/**
 * Directory pages (search, profiles, org chart), HR's editing of people, departments and
 * locations, and the employees API.
 */
package io.herald.directory.web;
