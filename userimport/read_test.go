package userimport_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/entra-wizard/entra-wizard/userimport"
)

// templateHeadings are the admin center's bulk-create headings (Microsoft
// Entra documentation, "Bulk create users", example CSV file).
const templateHeadings = "Name [displayName] Required,User name [userPrincipalName] Required," +
	"Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required," +
	"First name [givenName],Last name [surname],Job title [jobTitle],Department [department]," +
	"Usage location [usageLocation],Street address [streetAddress],State or province [state]," +
	"Country or region [country],Office [physicalDeliveryOfficeName],City [city],ZIP or postal code [postalCode]," +
	"Office phone [telephoneNumber],Mobile phone [mobile]"

func read(t *testing.T, data []byte) *userimport.Import {
	t.Helper()
	im, err := userimport.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return im
}

func TestReadsTheAdminCenterTemplate(t *testing.T) {
	file := "version:v1.0\r\n" + templateHeadings + "\r\n" +
		"Zoë Müller,zoe@contoso.com,Password1!,No,Zoë,Müller,Engineer,Engineering,de,,,Germany,B-12,Berlin,,,+49 30 1234\r\n" +
		",,,,,,,,,,,,,,,,\r\n" +
		"\"Price, Joseph\",joseph@contoso.com,,Yes,,,,,US,Main St 1,,,,,,,\r\n"
	im := read(t, append([]byte{0xEF, 0xBB, 0xBF}, file...))
	if len(im.Rows) != 2 {
		t.Fatalf("%d rows, want 2 (the empty line skipped)", len(im.Rows))
	}
	zoe, joe := im.Rows[0], im.Rows[1]
	u := zoe.User
	if zoe.Status != userimport.Ready || zoe.Line != 3 || u.DisplayName != "Zoë Müller" || u.UserPrincipalName != "zoe@contoso.com" ||
		u.Password != "Password1!" || u.BlockSignIn || u.GivenName != "Zoë" || u.Surname != "Müller" || u.JobTitle != "Engineer" ||
		u.Department != "Engineering" || u.UsageLocation != "DE" || u.Country != "Germany" || u.OfficeLocation != "B-12" ||
		u.City != "Berlin" || u.MobilePhone != "+49 30 1234" || zoe.GeneratePassword {
		t.Errorf("first row %+v", zoe)
	}
	if joe.Status != userimport.Ready || joe.Line != 5 || joe.User.DisplayName != "Price, Joseph" || !joe.User.BlockSignIn ||
		!joe.GeneratePassword || joe.User.Password != "" {
		t.Errorf("second row %+v", joe)
	}
	want := []string{"Street address [streetAddress]", "State or province [state]", "ZIP or postal code [postalCode]", "Office phone [telephoneNumber]"}
	if strings.Join(im.NotImported, "|") != strings.Join(want, "|") {
		t.Errorf("not imported %q", im.NotImported)
	}
}

// utf16File encodes text as UTF-16 with a byte order mark.
func utf16File(text string, bigEndian bool) []byte {
	var b bytes.Buffer
	put := func(u uint16) {
		if bigEndian {
			b.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	put(0xFEFF)
	for _, u := range utf16.Encode([]rune(text)) {
		put(u)
	}
	return b.Bytes()
}

func TestReadsExcelUnicodeTextAndSemicolons(t *testing.T) {
	tabs := "version:v1.0\t\t\t\n" + strings.ReplaceAll(templateHeadings, ",", "\t") + "\n" +
		"Ólafur Ørn\tolafur@contoso.com\t\tNo\t\t\t\t\tIS\n"
	semicolons := "[displayName];[userPrincipalName];[passwordProfile];[accountEnabled];[usageLocation]\n" +
		"Ólafur Ørn;olafur@contoso.com;;true;is\n"
	for name, data := range map[string][]byte{
		"UTF-16 LE, tabs":                  utf16File(tabs, false),
		"UTF-16 BE, tabs":                  utf16File(tabs, true),
		"semicolons, bracketed names only": []byte(semicolons),
	} {
		t.Run(name, func(t *testing.T) {
			im := read(t, data)
			if len(im.Rows) != 1 {
				t.Fatalf("%d rows", len(im.Rows))
			}
			r := im.Rows[0]
			if r.Status != userimport.Ready || r.User.DisplayName != "Ólafur Ørn" || r.User.UsageLocation != "IS" || r.User.BlockSignIn {
				t.Errorf("row %+v", r)
			}
		})
	}
}

func TestRefusesFilesItCannotReadForSure(t *testing.T) {
	latin1 := []byte(templateHeadings + "\nZo\xeb M\xfcller,zoe@contoso.com,,No\n")
	utf16NoMark := utf16File(templateHeadings+"\n", false)[2:]
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"ISO-8859-1":           {latin1, "UTF-8"},
		"UTF-16 without a BOM": {utf16NoMark, "UTF-8"},
		"missing columns": {[]byte("Name [displayName] Required,User name [userPrincipalName] Required\nPat,pat@contoso.com\n"),
			"no column for Initial password [passwordProfile] Required, Block sign in (Yes/No) [accountEnabled] Required"},
		"no headings":  {[]byte(""), "empty"},
		"no users":     {[]byte("version:v1.0\n" + templateHeadings + "\n"), "no users"},
		"column twice": {[]byte("[displayName],[userPrincipalName],[passwordProfile],[accountEnabled],Name [displayName]\n"), "two columns for Name"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := userimport.Read(bytes.NewReader(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
			if name == "ISO-8859-1" && !errors.Is(err, userimport.ErrEncoding) {
				t.Errorf("error %v is not ErrEncoding", err)
			}
		})
	}
}

func TestChecksEachRowBeforeSending(t *testing.T) {
	file := templateHeadings + "\n" +
		"Ann,ann@contoso.com,,No\n" +
		"Ann Again,ANN@contoso.com,,No\n" +
		",nobody@contoso.com,,No\n" +
		"Bad Name,bad name@contoso.com,,No\n" +
		"Dot,dot.@contoso.com,,No\n" +
		"No Domain,nodomain,,No\n" +
		"Weak,weak@contoso.com,password,No\n" +
		"Short,short@contoso.com,Ab1!,No\n" +
		"Maybe,maybe@contoso.com,,Maybe\n" +
		"Empty Block,empty@contoso.com,,\n" +
		"Nowhere,nowhere@contoso.com,,No,,,,,XX\n" +
		"Long Country,long@contoso.com,,No,,,,,USA\n"
	im := read(t, []byte(file))
	want := []string{
		"ready; a password will be generated",
		"the user name ANN@contoso.com is already on line 2 of the file",
		"the name (display name) is missing",
		"the user name bad name@contoso.com has the character space",
		"ends with a period",
		"is not of the form name@domain",
		"the initial password is too simple",
		"the initial password must have 8 to 256 characters",
		"\"Block sign in\" is Maybe: write Yes or No",
		"\"Block sign in\" is empty",
		"the usage location XX is not a country code",
		"the usage location USA is not a country code",
	}
	if len(im.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(im.Rows), len(want))
	}
	for i, r := range im.Rows {
		if !strings.Contains(r.Message(), want[i]) || (i > 0) != (r.Status == userimport.Invalid) {
			t.Errorf("line %d: %s %q, want %q", r.Line, r.Status, r.Message(), want[i])
		}
		if strings.Contains(r.Message(), "Ab1!") || strings.Contains(r.Message(), "password,") {
			t.Errorf("line %d shows the password: %q", r.Line, r.Message())
		}
	}
}
