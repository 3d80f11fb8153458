// Package userimport creates users from a CSV file in the format of the
// Microsoft Entra admin center's bulk-create template (Users > Bulk
// create): it reads the file whatever spreadsheet saved it, checks every
// row before anything is sent, creates the valid ones 20 per $batch
// request, and keeps the passwords it generated for the admin to hand out.
// Running the same file again creates nobody twice.
package userimport
