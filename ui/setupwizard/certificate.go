package setupwizard

import (
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// certificateFileName is the suggested name of the certificate's public
// file: the portal's Upload certificate takes .cer, .pem and .crt files.
const certificateFileName = appName + ".cer"

// maxCertificateFile bounds what is read of a file chosen for import; a
// .pfx with a long chain is a few kilobytes.
const maxCertificateFile = 1 << 20

// certificateBox is the certificate method's part of the details page:
// make a new certificate and save its public part for the portal, or
// import one with its key. The key stays in memory until Save, which puts
// it in the keychain; no file this page writes holds it.
type certificateBox struct {
	v *Wizard

	view                *fyne.Container
	makeNew, importFile *widget.Button
	// password opens an imported .pfx or .p12 file; retry imports the
	// chosen file again with it.
	password      *validatedEntry
	retry         *widget.Button
	passwordBox   *fyne.Container
	saveFile      *widget.Button
	openPortal    *widget.Button
	uploadDemo    *widget.Button
	details       *fyne.Container // thumbprint, expiry, what to do next
	thumbprint    *widget.Label
	copyThumb     *widget.Button
	expires       *widget.Label
	written       *widget.Label
	problem       *widget.Label
	imported      bool
	pendingImport []byte // the chosen file, kept while a password is asked for
}

func newCertificateBox(v *Wizard) *certificateBox {
	b := &certificateBox{v: v, problem: newFieldError(), written: wrappedLabel(""), expires: wrappedLabel("")}
	b.makeNew = widget.NewButtonWithIcon("Make a new certificate", theme.ContentAddIcon(), b.onMake)
	b.makeNew.Importance = widget.HighImportance
	b.importFile = widget.NewButtonWithIcon("Use a certificate I have (.pfx, .p12 or PEM)…", theme.FolderOpenIcon(), b.onImport)
	b.password, _ = newSecretEntry(v, "The file's password")
	b.password.OnSubmitted = func(string) { b.tryImport() }
	b.retry = widget.NewButton("Open with this password", b.tryImport)
	b.passwordBox = container.NewVBox(wrappedLabel("This file is protected by a password. Type it and press Open:"),
		container.NewBorder(nil, nil, nil, b.retry, b.password))
	b.passwordBox.Hide()
	b.saveFile = widget.NewButtonWithIcon("Save the certificate file again…", theme.DocumentSaveIcon(), b.askWhereToSave)
	b.openPortal = widget.NewButtonWithIcon("Open Certificates & secrets for this app", theme.ComputerIcon(), b.onOpenPortal)
	b.uploadDemo = widget.NewButtonWithIcon("Upload it to the demo tenant", theme.UploadIcon(), b.onUploadDemo)
	if d := v.deps.Demo; d == nil || d.UploadCertificate == nil {
		b.uploadDemo.Hide()
	}
	b.thumbprint = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	b.thumbprint.Selectable = true
	b.copyThumb = widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { v.copyText(b.thumbprint.Text) })
	b.details = container.NewVBox(
		markdown("**Upload the certificate to the app:** in the Entra admin center, open the app's "+
			"**Certificates & secrets > Certificates > Upload certificate**, choose the **.cer** file you saved, "+
			"and press **Add**. The portal then lists the certificate with its thumbprint: it should match this one."),
		container.NewBorder(nil, nil, widget.NewLabel("Thumbprint:"), b.copyThumb, b.thumbprint),
		b.expires, b.written,
		container.NewHBox(b.openPortal, b.saveFile, b.uploadDemo))
	b.details.Hide()
	b.view = container.NewVBox(
		widget.NewLabelWithStyle("Certificate", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrappedLabel("The app proves who it is with a certificate. Its private key stays in this computer's "+
			"keychain; only the certificate's public part goes to Microsoft."),
		container.NewHBox(b.makeNew, b.importFile), b.passwordBox, b.problem, b.details)
	return b
}

// shown refreshes the box from the wizard's certificate.
func (b *certificateBox) shown() {
	c := b.v.wz.State.Certificate
	if c == nil {
		b.details.Hide()
		return
	}
	b.thumbprint.SetText(c.Thumbprint())
	b.expires.SetText("Valid until " + c.NotAfter().Local().Format("2 January 2006") + "; renew it before then.")
	if b.imported {
		b.saveFile.SetText("Save its public part as a .cer file…")
	} else {
		b.saveFile.SetText("Save the certificate file again…")
	}
	b.details.Show()
}

// onMake makes a new certificate and asks where to save its public part.
func (b *certificateBox) onMake() {
	defer b.v.relayout()
	if err := b.v.wz.MakeCertificate(appName, b.v.deps.Now()); err != nil {
		setWizardMessage(b.problem, "The certificate could not be made: "+err.Error())
		return
	}
	b.imported, b.pendingImport = false, nil
	b.passwordBox.Hide()
	b.written.SetText("")
	setWizardMessage(b.problem, "")
	b.changed()
	b.askWhereToSave()
}

// askWhereToSave opens the save dialog for the certificate's public file.
func (b *certificateBox) askWhereToSave() {
	if b.v.deps.SaveFile == nil || b.v.wz.State.Certificate == nil {
		return
	}
	b.v.deps.SaveFile(certificateFileName, func(w io.WriteCloser, err error) {
		b.v.deps.Do(func() { b.writePublicFile(w, err) })
	})
}

// writePublicFile writes the certificate without its key to w: DER, or
// PEM when the chosen name ends in .pem.
func (b *certificateBox) writePublicFile(w io.WriteCloser, err error) {
	defer b.v.relayout()
	c := b.v.wz.State.Certificate
	if err == nil && c != nil {
		name := fileName(w)
		_, err = w.Write(c.PublicFile(name))
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			b.written.SetText("Saved the certificate file: " + name)
			setWizardMessage(b.problem, "")
			return
		}
	}
	if err != nil {
		setWizardMessage(b.problem, "The certificate file could not be saved ("+err.Error()+"). Choose another folder.")
	}
}

// fileName is where w writes, as the admin chose it.
func fileName(w io.Writer) string {
	switch f := w.(type) {
	case fyne.URIWriteCloser:
		return f.URI().Path()
	case interface{ Name() string }:
		return f.Name()
	}
	return certificateFileName
}

// onImport asks for a certificate file with its key.
func (b *certificateBox) onImport() {
	if b.v.deps.OpenFile == nil {
		return
	}
	b.v.deps.OpenFile(func(r io.ReadCloser, err error) {
		var data []byte
		if err == nil {
			data, err = io.ReadAll(io.LimitReader(r, maxCertificateFile))
			_ = r.Close()
		}
		b.v.deps.Do(func() { b.chosen(data, err) })
	})
}

// chosen imports the file just read, with no password first.
func (b *certificateBox) chosen(data []byte, err error) {
	defer b.v.relayout()
	if err != nil {
		setWizardMessage(b.problem, "The file could not be read ("+err.Error()+"). Choose another file.")
		return
	}
	b.pendingImport = data
	b.password.SetText("")
	b.tryImport()
}

// tryImport imports the chosen file with the password typed. A refused
// file changes nothing, and says why; a wrong password asks for it.
func (b *certificateBox) tryImport() {
	defer b.v.relayout()
	if b.pendingImport == nil {
		return
	}
	err := b.v.wz.ImportCertificate(b.pendingImport, b.password.Text, b.v.deps.Now())
	if err != nil {
		if errors.Is(err, oauth.ErrCertificatePassword) {
			b.passwordBox.Show()
			if b.password.Text == "" {
				err = nil
			}
		}
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		setWizardMessage(b.problem, msg)
		return
	}
	b.imported, b.pendingImport = true, nil
	b.password.SetText("")
	b.passwordBox.Hide()
	b.written.SetText("Imported. The file was left as it is; the key will be kept in the keychain when you save the connection.")
	setWizardMessage(b.problem, "")
	b.changed()
}

// changed shows the new certificate and lets the page recheck itself.
func (b *certificateBox) changed() {
	b.shown()
	b.v.credentials.check(false)
}

// onOpenPortal opens the app's Certificates & secrets page.
func (b *certificateBox) onOpenPortal() {
	ep, err := b.v.wz.Endpoints()
	if err != nil {
		ep, _ = connection.Resolve(oauth.CloudGlobal, "", "", nil)
	}
	b.v.openURL(oauth.PortalLinks(ep, b.v.wz.State.ClientID).Certificates)
}

// onUploadDemo does in the demo tenant what the admin does in the portal.
func (b *certificateBox) onUploadDemo() {
	defer b.v.relayout()
	c := b.v.wz.State.Certificate
	if c == nil {
		return
	}
	if err := b.v.deps.Demo.UploadCertificate(c.DER); err != nil {
		setWizardMessage(b.problem, fmt.Sprintf("The demo tenant did not take the certificate: %v.", err))
		return
	}
	b.written.SetText("Uploaded to the demo tenant's app, as the portal would. Press Next.")
}
